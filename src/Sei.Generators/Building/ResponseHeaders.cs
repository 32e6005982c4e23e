using Microsoft.OpenApi;
using Sei.Generators.Emitting;
using Sei.Generators.Reading;
using ParameterStyle = Sei.Generators.Model.ParameterStyle;

namespace Sei.Generators.Building;

/// <summary>
/// The response headers an operation declares (on its success response, and on a declared
/// <c>304 Not Modified</c>, whose <c>ETag</c> the caller keeps), as typed properties of a response class
/// of the operation's own. The tracking ID has its own property on every response, and
/// <c>Content-Type</c> is not a header OpenAPI lets a document describe, so neither gets one.
/// </summary>
internal sealed class ResponseHeaders
{
    /// <summary>Members of SeiResponse, SeiResponse&lt;T&gt; and <see cref="object"/> that a header property must not hide.</summary>
    private static readonly string[] ResponseMembers = GeneratedNames.ResponseMembers.Concat(GeneratedNames.ObjectMembers).ToArray();

    private readonly SchemaMapper _schemas;
    private readonly ProblemCollector _problems;
    private readonly RawDocument? _raw;
    private readonly ParameterStyles _styles;

    public ResponseHeaders(SchemaMapper schemas, ProblemCollector problems, RawDocument? raw, ParameterStyles styles)
    {
        _schemas = schemas;
        _problems = problems;
        _raw = raw;
        _styles = styles;
    }

    /// <summary>The operation's response class, or <see langword="null"/> when it declares no header worth a property.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="path">Its path, to find the headers' text.</param>
    /// <param name="method">Its method, lower case.</param>
    /// <param name="baseName">The stem of its method names, such as "GetAccount".</param>
    /// <param name="displayName">Its name for messages.</param>
    /// <param name="pointer">Where it stands.</param>
    /// <returns>The headers, in a class named with the stem wanted (<c>GetAccountResponse</c>); <see cref="Named"/> gives it its unique name.</returns>
    public ResponseHeadersModel? Map(OpenApiOperation operation, string path, string method, string baseName, string displayName, string pointer)
    {
        var sources = new List<KeyValuePair<string, IOpenApiResponse>>();
        if (SuccessResponse.Choose(operation.Responses) is { } success)
        {
            sources.Add(success);
        }

        if (operation.Responses?.TryGetValue("304", out var notModified) == true && notModified is not null)
        {
            sources.Add(new KeyValuePair<string, IOpenApiResponse>("304", notModified));
        }

        var headers = new List<ResponseHeaderModel>();
        var className = baseName + "Response";
        var propertyNames = new HashSet<string>(ResponseMembers, StringComparer.Ordinal) { className };
        foreach (var (status, response) in sources.Select(pair => (pair.Key, pair.Value)))
        {
            foreach (var pair in response?.Headers ?? new Dictionary<string, IOpenApiHeader>())
            {
                var wireName = pair.Key;
                if (pair.Value is null || IsImplicit(wireName) || headers.Any(h => string.Equals(h.WireName, wireName, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var headerPointer = pointer + "/responses/" + SourceMap.EscapeSegment(status) + "/headers/" + SourceMap.EscapeSegment(wireName);
                var subject = new WireSubject(WireSubjectKind.ResponseHeader, wireName, displayName);
                var schema = pair.Value.Schema ?? pair.Value.Content?.Values.FirstOrDefault()?.Schema;
                var type = _schemas.Map(schema, baseName + Identifiers.ToPascalCase(wireName, "Header") + "Header", headerPointer + "/schema").AsNullable(false);
                if (!IsReadable(type))
                {
                    _problems.Add(DiagnosticIds.ResponseHeaderNotText, headerPointer, subject.Arguments());
                    type = TypeRef.String;
                }

                var style = type.Kind == TypeKind.Array && _schemas.IsSwagger2
                    ? _styles.ResponseHeader(_raw?.FindResponseHeader(path, method, status, wireName), subject)
                    : ParameterStyle.Simple;
                var propertyName = Identifiers.MakeUnique(Identifiers.ToPascalCase(wireName, "Header"), propertyNames);
                headers.Add(new ResponseHeaderModel(wireName, propertyName, type.AsNullable(), style, Text.Clean(pair.Value.Description)));
            }
        }

        return headers.Count == 0 ? null : new ResponseHeadersModel(className, headers.ToEquatableArray());
    }

    /// <summary>
    /// The class under the unique name it was given among the client's members. A member may not be named
    /// like the class that holds it (CS0542), so a property that now would be is renamed too.
    /// </summary>
    public static ResponseHeadersModel Named(ResponseHeadersModel headers, string className)
    {
        if (className == headers.ClassName)
        {
            return headers;
        }

        var taken = new HashSet<string>(headers.Headers.Select(h => h.PropertyName).Concat(ResponseMembers).Append(className), StringComparer.Ordinal);
        return new ResponseHeadersModel(
            className,
            headers.Headers.Select(h => h.PropertyName == className ? h with { PropertyName = Identifiers.MakeUnique(h.PropertyName + "Header", taken) } : h).ToEquatableArray());
    }

    /// <summary>Headers every response already exposes: the tracking ID, and Content-Type, which OpenAPI says to ignore here.</summary>
    private static bool IsImplicit(string name)
        => string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "RequestTrackingId", StringComparison.OrdinalIgnoreCase);

    private static bool IsReadable(TypeRef type)
        => type.IsPrimitiveOrPrimitiveArray;
}
