using Microsoft.OpenApi;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>
/// Turns OpenAPI Link Objects into typed helpers: a link on a response that names an operation
/// (by operationId) and fills each of its required parameters from the response body
/// (<c>$response.body#/owner/username</c>) or a constant becomes a method that takes the response
/// value and calls that operation. Links that need anything else (request values, headers, a
/// request body) are left to FollowAsync.
/// </summary>
internal sealed class LinkHelperBuilder
{
    private const string BodyPrefix = "$response.body#";

    private readonly Func<string, TypeDeclaration?> _find;
    private readonly Dictionary<string, IDictionary<string, IOpenApiLink>> _linksByMethod = new(StringComparer.Ordinal);

    public LinkHelperBuilder(Func<string, TypeDeclaration?> find)
    {
        _find = find;
    }

    public void Record(OperationModel operation, OpenApiOperation source)
    {
        var success = SuccessResponse.Choose(source.Responses)?.Value;
        if (success?.Links is { Count: > 0 } links)
        {
            _linksByMethod[operation.MethodName] = links;
        }
    }

    public List<OperationModel> Attach(List<OperationModel> operations, HashSet<string> methodNames)
    {
        var byOperationId = operations.Where(o => o.OperationId is not null).GroupBy(o => o.OperationId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return operations.Select(operation =>
        {
            if (!_linksByMethod.TryGetValue(operation.MethodName, out var links)
                || operation.Response is not { Kind: ResponseKind.Json, Type: { Kind: TypeKind.Named, NamedKind: NamedKind.Object } sourceType })
            {
                return operation;
            }

            var helpers = new List<LinkHelperModel>();
            foreach (var pair in links)
            {
                var link = pair.Value;
                if (link?.OperationId is not { } targetId || !byOperationId.TryGetValue(targetId, out var target) || target.Body is { IsRequired: true })
                {
                    continue;
                }

                var arguments = Arguments(link, target, sourceType.AsNullable(false));
                if (arguments is null)
                {
                    continue;
                }

                var name = Identifiers.MakeUnique("Follow" + Identifiers.ToPascalCase(pair.Key, "Link") + "Async", methodNames);
                helpers.Add(new LinkHelperModel(name, pair.Key, Text.Clean(link.Description), sourceType.AsNullable(false), target.MethodName, arguments.ToEquatableArray()));
            }

            return helpers.Count == 0 ? operation : operation with { LinkHelpers = helpers.ToEquatableArray() };
        }).ToList();
    }

    /// <summary>Maps every required parameter of the target to a member path of the source, or gives up.</summary>
    private List<LinkArgumentModel>? Arguments(IOpenApiLink link, OperationModel target, TypeRef source)
    {
        var arguments = new List<LinkArgumentModel>();
        var given = link.Parameters ?? new Dictionary<string, RuntimeExpressionAnyWrapper>();
        foreach (var parameter in target.Parameters)
        {
            // Link parameter names may be qualified by location ("path.username") when names clash.
            var entry = given.FirstOrDefault(g => g.Key == parameter.WireName || g.Key == parameter.Location.ToString().ToLowerInvariant() + "." + parameter.WireName);
            var expression = entry.Value?.Expression?.Expression;
            if (expression is null)
            {
                if (parameter.IsRequired)
                {
                    return null;
                }

                continue;
            }

            if (!expression.StartsWith(BodyPrefix, StringComparison.Ordinal)
                || Resolve(source, expression.Substring(BodyPrefix.Length)) is not { } path
                || path.Type.AsNullable(false) != parameter.Type.AsNullable(false))
            {
                return null;
            }

            arguments.Add(new LinkArgumentModel(parameter.Name, path.Steps.ToEquatableArray(), expression));
        }

        return arguments;
    }

    /// <summary>Follows a JSON pointer through generated object types, by JSON member names.</summary>
    private (List<MemberStep> Steps, TypeRef Type)? Resolve(TypeRef source, string pointer)
    {
        var steps = new List<MemberStep>();
        var current = source;
        foreach (var segment in SourceMap.SplitPointer(pointer))
        {
            if (current is not { Kind: TypeKind.Named, NamedKind: NamedKind.Object } || _find(current.Name!) is not ObjectDeclaration declaration)
            {
                return null;
            }

            var property = declaration.Properties.FirstOrDefault(p => p.JsonName == segment);
            if (property is null)
            {
                return null;
            }

            steps.Add(new MemberStep(property.Name, property.Type.IsNullable));
            current = property.Type;
        }

        return steps.Count == 0 ? null : (steps, current);
    }
}
