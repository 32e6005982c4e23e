using System.Collections.Immutable;

namespace Sei.Generators.Building;

/// <summary>A document left out because an earlier document (by path) generates the same namespace.</summary>
internal sealed record NamespaceConflict(string Path, string Namespace, string TakenBy);

/// <summary>Finds documents that would declare the same types twice, which would not compile.</summary>
internal static class NamespaceConflicts
{
    public static EquatableArray<NamespaceConflict> Find(ImmutableArray<ClientModel?> models)
    {
        var conflicts = new List<NamespaceConflict>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);

        // Ordered by path so the same document wins on every machine and in every run.
        foreach (var model in models.Where(m => m is not null).OrderBy(m => m!.SourcePath, StringComparer.Ordinal))
        {
            if (owners.TryGetValue(model!.Namespace, out var owner))
            {
                conflicts.Add(new NamespaceConflict(model.SourcePath, model.Namespace, owner));
            }
            else
            {
                owners.Add(model.Namespace, model.SourcePath);
            }
        }

        return conflicts.ToEquatableArray();
    }

    public static bool IsSkipped(EquatableArray<NamespaceConflict> conflicts, ClientModel model)
        => conflicts.Any(c => c.Path == model.SourcePath);
}
