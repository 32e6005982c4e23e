using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.OpenApi;
using Sei.Generators.Emitting;
using Sei.Generators.Reading;
using ParameterLocation = Sei.Generators.Model.ParameterLocation;
using ParameterStyle = Sei.Generators.Model.ParameterStyle;

namespace Sei.Generators.Building;

/// <summary>Building, for operations: one <see cref="OperationModel"/> per path and method, with unique, valid names.</summary>
internal sealed partial class OperationMapper
{
    private static readonly Regex PathParameter = new(@"\{([^{}]+)\}", RegexOptions.CultureInvariant);
    private static readonly string[] IgnoredHeaders = { "accept", "content-type", "authorization" };

    private readonly SchemaMapper _schemas;
    private readonly ProblemCollector _problems;
    private readonly HashSet<string> _methodNames;
    private readonly HashSet<string> _operationIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _operationPointers = new(StringComparer.Ordinal);
    private readonly UrlLengthCheck _urlLength;
    private readonly LinkHelperBuilder _links;
    private readonly RawDocument? _raw;
    private readonly ParameterStyles _styles;
    private readonly FieldEncodings _fields;
    private readonly ResponseHeaders _responseHeaders;

    public OperationMapper(SchemaMapper schemas, ProblemCollector problems, IEnumerable<string> reservedNames, string longestServerUrl, RawDocument? raw = null)
    {
        _schemas = schemas;
        _problems = problems;
        _raw = raw;
        _styles = new ParameterStyles(problems, schemas.FindDeclaration);
        _fields = new FieldEncodings(problems, raw, schemas.IsSwagger2);
        _responseHeaders = new ResponseHeaders(schemas, problems, raw, _styles);
        _urlLength = new UrlLengthCheck(problems, schemas.FindDeclaration, longestServerUrl);
        _links = new LinkHelperBuilder(schemas.FindDeclaration);
        _methodNames = new HashSet<string>(reservedNames, StringComparer.Ordinal);
    }

    /// <summary>Maps the operations of <paramref name="document"/> that <paramref name="selection"/> holds, in document order.</summary>
    /// <param name="document">The document.</param>
    /// <param name="selection">The operations to map; the others are not looked at.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The operations' models.</returns>
    public List<OperationModel> MapAll(OpenApiDocument document, OperationSelection selection, CancellationToken cancellationToken)
    {
        var operations = new List<OperationModel>();
        if (document.Paths is null)
        {
            return operations;
        }

        foreach (var pathPair in document.Paths)
        {
            if (pathPair.Value?.Operations is not { } pathOperations)
            {
                continue;
            }

            foreach (var operationPair in pathOperations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!selection.Contains(pathPair.Key, operationPair.Key))
                {
                    continue;
                }

                var mapped = MapOperation(pathPair.Key, pathPair.Value, operationPair.Key, operationPair.Value);
                operations.Add(mapped);
                _links.Record(mapped, operationPair.Value);
            }
        }

        // The names the generator makes up itself (methods for a body's other media types, response classes)
        // are given after every operation has its own, so that they never take the name an operation would have.
        operations = operations.Select(NameGeneratedMembers).ToList();
        operations = UrlLengthCheck.LinkSearchAlternatives(operations);
        operations = _links.Attach(operations, _methodNames);
        foreach (var operation in operations)
        {
            _urlLength.Check(operation, _operationPointers[operation.MethodName]);
        }

        return operations;
    }

    private OperationModel MapOperation(string path, IOpenApiPathItem pathItem, HttpMethod method, OpenApiOperation operation)
    {
        var httpMethod = method.Method.ToUpperInvariant();
        var pointer = "/paths/" + SourceMap.EscapeSegment(path) + "/" + method.Method.ToLowerInvariant();
        var (baseName, isDuplicate) = MethodBaseName(operation.OperationId, httpMethod, path);
        var methodName = Identifiers.MakeUnique(baseName + "Async", _methodNames);
        _operationPointers[methodName] = pointer;
        if (isDuplicate)
        {
            _problems.Add(DiagnosticIds.DuplicateOperationId, pointer + "/operationId", operation.OperationId!, httpMethod, path, methodName);
        }
        var displayName = operation.OperationId ?? httpMethod + " " + path;

        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { GeneratedNames.CancellationTokenParameter };
        var lowerMethod = method.Method.ToLowerInvariant();
        var bodies = MapBodies(operation, path, lowerMethod, baseName, pointer, parameterNames);
        var parameters = MapParameters(path, lowerMethod, pathItem, operation, baseName, displayName, pointer, parameterNames, methodName);
        var response = MapResponse(operation, baseName, pointer);
        var paging = PagingDetector.Detect(response, _schemas.FindDeclaration, () => Identifiers.MakeUnique(baseName + "PageAsync", _methodNames));
        if (paging is not null && parameterNames.Contains(paging.CursorParameterName))
        {
            // The document has a parameter named like the page method's own; the page method's gives way.
            paging = paging with { CursorParameterName = Identifiers.MakeUnique("pageCursor", parameterNames) };
        }

        // The body's other media types get methods of their own, named after the type, beside the preferred
        // one. The names here are the stems wanted; NameGeneratedMembers makes them unique once all operations are named.
        var variants = bodies.Skip(1).Select(body => new BodyVariantModel(baseName + "As" + MediaWord(body.MediaType), paging is null ? null : string.Empty, body)).ToEquatableArray();
        var headers = _responseHeaders.Map(operation, path, lowerMethod, baseName, displayName, pointer);

        return new OperationModel(
            methodName,
            httpMethod,
            path,
            operation.OperationId,
            Text.Clean(operation.Summary),
            Text.Clean(operation.Description),
            operation.Deprecated,
            parameters.ToEquatableArray(),
            bodies.FirstOrDefault(),
            response,
            paging,
            BodyVariants: variants,
            ResponseHeaders: headers,
            NotModifiedIsResult: operation.Responses?.ContainsKey("304") == true);
    }

    /// <summary>Gives the methods for a body's other media types, and the response class, their unique names.</summary>
    private OperationModel NameGeneratedMembers(OperationModel operation)
    {
        var variants = operation.BodyVariants.Select(variant =>
        {
            // The number that makes a stem unique goes before "Async" (UpdateAsJson2Async), where a name reads it.
            var stem = variant.MethodName;
            for (var suffix = 2; _methodNames.Contains(stem + "Async") || (variant.PageMethodName is not null && _methodNames.Contains(stem + "PageAsync")); suffix++)
            {
                stem = variant.MethodName + suffix.ToString(CultureInfo.InvariantCulture);
            }

            _methodNames.Add(stem + "Async");
            if (variant.PageMethodName is not null)
            {
                _methodNames.Add(stem + "PageAsync");
            }

            return variant with { MethodName = stem + "Async", PageMethodName = variant.PageMethodName is null ? null : stem + "PageAsync" };
        }).ToEquatableArray();
        var headers = operation.ResponseHeaders is { } wanted ? ResponseHeaders.Named(wanted, Identifiers.MakeUnique(wanted.ClassName, _methodNames)) : null;
        return operation with { BodyVariants = variants, ResponseHeaders = headers };
    }

    private (string Name, bool IsDuplicate) MethodBaseName(string? operationId, string httpMethod, string path)
    {
        var fromPath = PathBasedName(httpMethod, path);
        if (string.IsNullOrWhiteSpace(operationId))
        {
            return (fromPath, false);
        }

        if (!_operationIds.Add(operationId!))
        {
            return (fromPath, true);
        }

        return (Identifiers.ToPascalCase(operationId!, fromPath), false);
    }

    /// <summary>"GET /v1/accounts/{accountId}/holders" → "GetV1AccountsByAccountIdHolders": stable for operations without an operationId.</summary>
    private static string PathBasedName(string httpMethod, string path)
    {
        var name = new StringBuilder(Identifiers.ToPascalCase(httpMethod.ToLowerInvariant()));
        foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var match = PathParameter.Match(segment);
            name.Append(match.Success && match.Length == segment.Length
                ? "By" + Identifiers.ToPascalCase(match.Groups[1].Value, "Id").TrimStart('_')
                : Identifiers.ToPascalCase(segment, string.Empty).TrimStart('_'));
        }

        return name.ToString();
    }

    private List<ParameterModel> MapParameters(string path, string method, IOpenApiPathItem pathItem, OpenApiOperation operation, string baseName, string displayName, string pointer, HashSet<string> parameterNames, string methodName)
    {
        // Operation-level parameters override path-level ones with the same name and location.
        var declared = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var pathPointer = pointer.Substring(0, pointer.LastIndexOf('/'));
        AddDeclared(declared, pathItem.Parameters, pathPointer + "/parameters");
        AddDeclared(declared, operation.Parameters, pointer + "/parameters");

        var templateNames = PathParameter.Matches(path).Cast<Match>().Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        var models = new List<ParameterModel>();
        foreach (var (parameter, parameterPointer) in declared)
        {
            if (parameter.In is not { } location)
            {
                continue;
            }

            var name = parameter.Name!;
            if (location == Microsoft.OpenApi.ParameterLocation.Path && !templateNames.Contains(name))
            {
                _problems.Add(DiagnosticIds.UnusedPathParameter, parameterPointer, displayName, name, path);
                continue;
            }

            if (location == Microsoft.OpenApi.ParameterLocation.Header && IgnoredHeaders.Contains(name.ToLowerInvariant()))
            {
                // OpenAPI says these header parameters are ignored: content negotiation and authorization have their own keywords.
                continue;
            }

            var modelLocation = location switch
            {
                Microsoft.OpenApi.ParameterLocation.Path => ParameterLocation.Path,
                Microsoft.OpenApi.ParameterLocation.Header => ParameterLocation.Header,
                Microsoft.OpenApi.ParameterLocation.Cookie => ParameterLocation.Cookie,
                Microsoft.OpenApi.ParameterLocation.Query => ParameterLocation.Query,
                _ => throw new ArgumentOutOfRangeException(nameof(parameter), location, "Every parameter location Microsoft.OpenApi reads has a place."),
            };

            // A parameter declared with "content" is sent in that media type; only JSON has a meaning here.
            var content = parameter.Schema is null ? parameter.Content?.FirstOrDefault() : null;
            var schema = parameter.Schema ?? content?.Value?.Schema;
            var type = _schemas.Map(schema, baseName + Identifiers.ToPascalCase(name, "Parameter"), parameterPointer + "/schema");
            _urlLength.RecordParameter(methodName, name, parameterPointer);
            var required = parameter.Required || modelLocation == ParameterLocation.Path;
            var raw = _raw?.FindParameter(path, method, name, modelLocation.ToString().ToLowerInvariant());
            var subject = WireSubject.Parameter(modelLocation, name, displayName);
            var isJson = content is { } declaredContent && MediaTypes.IsJsonBody(declaredContent.Key);
            if (content is { } other && !isJson && ParameterStyles.ShapeOf(type) != ValueShape.Primitive)
            {
                _problems.Add(DiagnosticIds.ParameterContentNotJson, parameterPointer + "/content", subject.Arguments(other.Key));
                isJson = true;
            }

            var (style, explode) = isJson
                ? (modelLocation is ParameterLocation.Query or ParameterLocation.Cookie ? ParameterStyle.Form : ParameterStyle.Simple, false)
                : _styles.Resolve(modelLocation, type, raw, ParameterStyles.FromOpenApi(parameter.Style), parameter.Explode, _schemas.IsSwagger2, subject, parameterPointer);
            var itemFormat = isJson ? null : _styles.ItemFormat(type, raw, _schemas.IsSwagger2, subject, raw?.Pointer ?? parameterPointer);
            var itemSchema = schema?.Items;
            models.Add(new ParameterModel(
                name,
                Identifiers.MakeUnique(Identifiers.ToCamelCase(name, "parameter"), parameterNames),
                modelLocation,
                required ? type : type.AsNullable(),
                required,
                style,
                explode,
                Text.Clean(parameter.Description),
                schema?.MaxLength ?? raw?.MaxLength ?? itemSchema?.MaxLength ?? raw?.ItemsMaxLength,
                schema?.MaxItems ?? raw?.MaxItems,
                AllowReserved: modelLocation == ParameterLocation.Query && (raw?.AllowReserved ?? parameter.AllowReserved),
                IsJson: isJson,
                ItemFormat: itemFormat));
        }

        foreach (var templateName in templateNames)
        {
            if (!models.Any(m => m.Location == ParameterLocation.Path && m.WireName == templateName))
            {
                // Shown at the placeholder in the path template, where the name is written.
                _problems.AddWithin(DiagnosticIds.UndeclaredPathParameter, pointer.Substring(0, pointer.LastIndexOf('/')), "{" + templateName + "}", path, displayName, templateName);
                models.Add(new ParameterModel(templateName, Identifiers.MakeUnique(Identifiers.ToCamelCase(templateName, "parameter"), parameterNames), ParameterLocation.Path, TypeRef.String, true, ParameterStyle.Simple, false, null, null, null));
            }
        }

        return models;
    }

    private void AddDeclared(List<(IOpenApiParameter Parameter, string Pointer)> declared, IList<IOpenApiParameter>? parameters, string pointer)
    {
        if (parameters is null)
        {
            return;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var parameterPointer = pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
            if (parameter is null || string.IsNullOrEmpty(SafeName(parameter)))
            {
                // A parameter written without a name is the reader's finding (ParameterRequiredFields); a reference to nothing is ours.
                if (parameter is OpenApiParameterReference reference)
                {
                    _problems.Add(DiagnosticIds.UnresolvedReference, parameterPointer, reference.Reference?.ReferenceV3 ?? "(parameter)");
                }

                continue;
            }

            var existing = declared.FindIndex(d => d.Parameter.Name == parameter.Name && d.Parameter.In == parameter.In);
            if (existing >= 0)
            {
                declared[existing] = (parameter, parameterPointer);
            }
            else
            {
                declared.Add((parameter, parameterPointer));
            }
        }
    }

    private static string? SafeName(IOpenApiParameter parameter) => parameter.Name;
}
