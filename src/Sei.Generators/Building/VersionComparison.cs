using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>
/// Compares the versions of one product that a project holds side by side (accounts v1 beside v2)
/// and reports, as information on the newer document, what it removed or changed incompatibly:
/// operations, parameters that became required, properties, enumeration values. A caller moving
/// from one namespace to the next reads the list as the work to do.
/// </summary>
internal static class VersionComparison
{
    /// <summary>At most this many findings per pair of versions, so a rewritten API does not flood the error list.</summary>
    internal const int MaxFindingsPerPair = 100;

    public static EquatableArray<DiagnosticInfo> Compare(ImmutableArray<ApiSurface?> surfaces, ImmutableArray<SpecInput> inputs, CancellationToken cancellationToken)
    {
        var findings = new List<(string FilePath, string Id, string Pointer, string[] Arguments)>();
        var products = surfaces
            .Where(s => s is not null && s.Version > 0)
            .Select(s => s!)
            .GroupBy(s => s.Product, StringComparer.OrdinalIgnoreCase);
        foreach (var product in products)
        {
            // Each version is compared with the nearest older one: v3 with v2, v2 with v1.
            var versions = product
                .GroupBy(s => s.Version)
                .Select(g => g.OrderBy(s => s.FilePath, StringComparer.Ordinal).First())
                .OrderBy(s => s.Version)
                .ToList();
            for (var i = 1; i < versions.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                findings.AddRange(Diff(versions[i - 1], versions[i]).Take(MaxFindingsPerPair));
            }
        }

        if (findings.Count == 0)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var results = new List<DiagnosticInfo>();
        foreach (var file in findings.GroupBy(f => f.FilePath, StringComparer.Ordinal))
        {
            var problems = new ProblemCollector(file.Key);
            var input = inputs.FirstOrDefault(i => string.Equals(i.Path, file.Key, StringComparison.Ordinal));
            problems.Map = input is null ? null : SpecReader.MapOf(input.Path, input.Text);
            foreach (var finding in file)
            {
                problems.Add(finding.Id, finding.Pointer, finding.Arguments);
            }

            results.AddRange(problems.Resolve());
        }

        return results.ToEquatableArray();
    }

    /// <summary>
    /// What <paramref name="newer"/> removed or changed incompatibly, located in <paramref name="newer"/>:
    /// each finding is one of four rules (SEI2008 removes, SEI2012 changes a type, SEI2013 makes
    /// required, SEI2014 adds a required parameter), whose messages start with the two versions.
    /// </summary>
    internal static IEnumerable<(string FilePath, string Id, string Pointer, string[] Arguments)> Diff(ApiSurface older, ApiSurface newer)
    {
        var before = Index(older);
        var after = Index(newer);
        var olderName = Path.GetFileName(older.FilePath) + " (" + older.Namespace + ")";
        var newerName = newer.Namespace;

        (string, string, string, string[]) At(string id, string pointer, params string[] arguments)
            => (newer.FilePath, id, pointer, new[] { olderName, newerName }.Concat(arguments).ToArray());

        // Where a removal is shown: the newer document's nearest surviving parent, else its paths or schemas.
        var schemasPointer = newer.Items.Any(i => i.Pointer.StartsWith("/definitions/", StringComparison.Ordinal)) ? "/definitions" : "/components/schemas";
        string Parent(SurfaceItem item)
        {
            for (var key = item.ParentKey; ;)
            {
                if (after.TryGetValue(key, out var parent))
                {
                    return parent.Pointer;
                }

                if (!before.TryGetValue(key, out var olderParent))
                {
                    return key == "paths" ? "/paths" : schemasPointer;
                }

                key = olderParent.ParentKey;
            }
        }

        foreach (var item in older.Items)
        {
            if (!after.TryGetValue(item.Key, out var now))
            {
                // A removed schema's members go with it: one finding says it all.
                if (before.TryGetValue(item.ParentKey, out var parent) && !after.ContainsKey(parent.Key) && parent.Kind != SurfaceKind.Operation)
                {
                    continue;
                }

                if (item.Kind == SurfaceKind.Parameter && !after.ContainsKey(item.ParentKey))
                {
                    continue;
                }

                yield return At(DiagnosticIds.VersionBreakingChange, Parent(item), item.Display);
                continue;
            }

            if (item.Shape != now.Shape && item.Kind is SurfaceKind.Parameter or SurfaceKind.Property)
            {
                yield return At(DiagnosticIds.VersionTypeChange, now.Pointer, now.Display, item.Shape, now.Shape);
            }

            if (now.IsRequired && !item.IsRequired && item.Kind is SurfaceKind.Parameter or SurfaceKind.Property)
            {
                yield return At(DiagnosticIds.VersionNowRequired, now.Pointer, now.Display);
            }
        }

        // New required parameters on operations that both versions have break every existing call.
        foreach (var item in newer.Items)
        {
            if (item.Kind == SurfaceKind.Parameter && item.IsRequired && !before.ContainsKey(item.Key) && before.ContainsKey(item.ParentKey))
            {
                yield return At(DiagnosticIds.VersionRequiredParameterAdded, item.Pointer, item.Display, before[item.ParentKey].Display);
            }
        }
    }

    private static Dictionary<string, SurfaceItem> Index(ApiSurface surface)
    {
        var index = new Dictionary<string, SurfaceItem>(StringComparer.Ordinal);
        foreach (var item in surface.Items)
        {
            // The first of two items with one key wins (an operation listed twice is SEI2003's concern, not this one's).
            if (!index.ContainsKey(item.Key))
            {
                index.Add(item.Key, item);
            }
        }

        return index;
    }
}
