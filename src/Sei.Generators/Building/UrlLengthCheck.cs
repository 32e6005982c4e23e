using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>
/// SEI accepts GET URLs of at most 2048 characters. This works out, from the bounds a document
/// declares, whether an operation's URL can pass that (SEI2006), and which array query parameters
/// leave it unbounded (SEI2007); and it pairs each GET with its POST search counterpart.
/// Lengths count unreserved characters only (no percent-encoding growth), so a report is a
/// certainty, not a guess.
/// </summary>
internal sealed class UrlLengthCheck
{
    public const int Limit = 2048;

    private readonly ProblemCollector _problems;
    private readonly Func<string, TypeDeclaration?> _find;
    private readonly string _longestServerUrl;
    private readonly Dictionary<string, string> _parameterPointers = new(StringComparer.Ordinal);

    public UrlLengthCheck(ProblemCollector problems, Func<string, TypeDeclaration?> find, string longestServerUrl)
    {
        _problems = problems;
        _find = find;
        _longestServerUrl = longestServerUrl;
    }

    public void RecordParameter(string methodName, string wireName, string pointer) => _parameterPointers[methodName + "|" + wireName] = pointer;

    /// <summary>Pairs GET operations with the POST operation at the same path plus <c>/search</c> (or a POST whose operationId says search under the same path).</summary>
    public static List<OperationModel> LinkSearchAlternatives(List<OperationModel> operations)
    {
        var posts = operations.Where(o => o.HttpMethod == HttpMethods.Post).ToList();
        return operations.Select(operation =>
        {
            if (operation.HttpMethod != HttpMethods.Get)
            {
                return operation;
            }

            var path = operation.Path.TrimEnd('/');
            var search = posts.FirstOrDefault(p => string.Equals(p.Path.TrimEnd('/'), path + "/search", StringComparison.OrdinalIgnoreCase))
                ?? posts.FirstOrDefault(p => p.Path.StartsWith(path, StringComparison.OrdinalIgnoreCase) && p.Path.Length > path.Length
                    && p.Path.IndexOf('{', path.Length) < 0
                    && (p.OperationId ?? string.Empty).IndexOf("search", StringComparison.OrdinalIgnoreCase) >= 0);
            return search is null ? operation : operation with { SearchAlternative = new SearchAlternativeModel(search.MethodName, search.HttpMethod, search.Path) };
        }).ToList();
    }

    public void Check(OperationModel operation, string pointer)
    {
        if (operation.HttpMethod != HttpMethods.Get)
        {
            return;
        }

        var name = operation.DisplayName;
        var alternative = operation.SearchAlternative is { } search ? " (this document has one: " + search.MethodName + ", " + search.HttpMethod + " " + search.Path + ")" : string.Empty;
        var length = _longestServerUrl.Length + operation.Path.Length;
        var contributions = new List<(string Name, int Length)>();
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Location == ParameterLocation.Path)
            {
                if (MaxValueLength(parameter.Type.AsNullable(false), parameter.MaxLength) is { } value)
                {
                    // matrix adds ";name=" before the value, label adds ".".
                    var prefix = parameter.Style switch
                    {
                        ParameterStyle.Matrix => parameter.WireName.Length + 2,
                        ParameterStyle.Label => 1,
                        _ => 0,
                    };
                    var placeholder = parameter.WireName.Length + 2;
                    length += prefix + value - placeholder;
                    contributions.Add((parameter.WireName, prefix + value));
                }

                continue;
            }

            if (parameter.Location != ParameterLocation.Query)
            {
                continue;
            }

            var type = parameter.Type.AsNullable(false);
            int? query;
            if (type.Kind == TypeKind.Array)
            {
                var element = type.Element!.AsNullable(false);
                var item = MaxValueLength(element, parameter.MaxLength);

                // An array of enumeration values is bounded by how many distinct values there are.
                var maxItems = parameter.MaxItems
                    ?? (element is { Kind: TypeKind.Named, NamedKind: NamedKind.Enum } && _find(element.Name!) is EnumDeclaration values ? values.Members.Count : null);
                if (maxItems is not { } items || item is null)
                {
                    var missing = parameter.MaxItems is null ? "maxItems" : "items.maxLength";
                    _problems.Add(DiagnosticIds.GetUrlUnbounded, _parameterPointers.TryGetValue(operation.MethodName + "|" + parameter.WireName, out var at) ? at : pointer, name, parameter.WireName, missing, alternative);
                    continue;
                }

                query = QueryArrayLength(parameter, items, item.Value);
            }
            else
            {
                query = MaxValueLength(type, parameter.MaxLength) is { } value ? parameter.WireName.Length + 1 + value : null;
            }

            if (query is { } bounded)
            {
                length += bounded + 1;
                contributions.Add((parameter.WireName, bounded));
            }
        }

        if (length > Limit)
        {
            var largest = string.Join(", ", contributions.OrderByDescending(c => c.Length).Take(3).Select(c => c.Name + " " + c.Length.ToString(CultureInfo.InvariantCulture)));
            _problems.Add(DiagnosticIds.GetUrlCanExceedLimit, pointer, name, length.ToString(CultureInfo.InvariantCulture), largest, alternative);
        }
    }

    /// <summary>
    /// The longest an array query parameter can be, laid out in its style: one <c>name=value</c> per item for
    /// exploded form, one <c>name%5Bi%5D=value</c> per item for deepObject, otherwise one name and the items
    /// joined by a comma or by an encoded delimiter (<c>%20</c>, <c>%7C</c>, <c>%09</c>: three characters).
    /// </summary>
    private static int QueryArrayLength(ParameterModel parameter, int items, int item)
    {
        var name = parameter.WireName.Length;
        var separators = Math.Max(0, items - 1);
        return parameter.Style switch
        {
            ParameterStyle.DeepObject => (items * (name + 6 + (items - 1).ToString(CultureInfo.InvariantCulture).Length + 1 + item)) + separators,
            ParameterStyle.SpaceDelimited or ParameterStyle.PipeDelimited or ParameterStyle.TabDelimited => name + 1 + (items * item) + (3 * separators),
            _ when parameter.Explode => (items * (name + 1 + item)) + separators,
            _ => name + 1 + (items * item) + separators,
        };
    }

    /// <summary>The longest text a value can format to, or <see langword="null"/> when the document sets no bound.</summary>
    private int? MaxValueLength(TypeRef type, int? maxLength) => type.Kind switch
    {
        TypeKind.String or TypeKind.Uri => maxLength,
        TypeKind.Bytes => maxLength is { } bytes ? (bytes + 2) / 3 * 4 : null,
        TypeKind.Boolean => 5,
        TypeKind.Int32 => 11,
        TypeKind.Int64 => 20,
        TypeKind.Single or TypeKind.Double => 24,
        TypeKind.Decimal => 30,
        TypeKind.Guid => 36,
        TypeKind.Date => 10,
        TypeKind.DateTime => 33,
        TypeKind.Named when type.NamedKind == NamedKind.Enum && _find(type.Name!) is EnumDeclaration enumeration && enumeration.Members.Count > 0
            => enumeration.Members.Max(m => m.WireValue.Length),
        _ => null,
    };
}
