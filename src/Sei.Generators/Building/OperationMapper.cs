using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.OpenApi;
using Sei.Generators.Diagnostics;
using Sei.Generators.Model;
using Sei.Generators.Reading;
using ParameterLocation = Sei.Generators.Model.ParameterLocation;

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

    public OperationMapper(SchemaMapper schemas, ProblemCollector problems, IEnumerable<string> reservedNames, string longestServerUrl)
    {
        _schemas = schemas;
        _problems = problems;
        _urlLength = new UrlLengthCheck(problems, schemas.FindDeclaration, longestServerUrl);
        _links = new LinkHelperBuilder(schemas.FindDeclaration);
        _methodNames = new HashSet<string>(reservedNames, StringComparer.Ordinal);
    }

    public List<OperationModel> MapAll(OpenApiDocument document, CancellationToken cancellationToken)
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
                var mapped = MapOperation(pathPair.Key, pathPair.Value, operationPair.Key, operationPair.Value);
                operations.Add(mapped);
                _links.Record(mapped, operationPair.Value);
            }
        }

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

        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        var body = MapBody(operation, baseName, pointer, parameterNames);
        var parameters = MapParameters(path, pathItem, operation, baseName, displayName, pointer, parameterNames, methodName);
        var response = MapResponse(operation, baseName, pointer);
        var paging = PagingDetector.Detect(response, _schemas.FindDeclaration, () => Identifiers.MakeUnique(baseName + "PageAsync", _methodNames));

        return new OperationModel(
            methodName,
            httpMethod,
            path,
            operation.OperationId,
            Text.Clean(operation.Summary),
            Text.Clean(operation.Description),
            operation.Deprecated,
            parameters.ToEquatableArray(),
            body,
            response,
            paging);
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

    private List<ParameterModel> MapParameters(string path, IOpenApiPathItem pathItem, OpenApiOperation operation, string baseName, string displayName, string pointer, HashSet<string> parameterNames, string methodName)
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
                _ => ParameterLocation.Query,
            };
            var schema = parameter.Schema ?? parameter.Content?.Values.FirstOrDefault()?.Schema;
            var type = _schemas.Map(schema, baseName + Identifiers.ToPascalCase(name, "Parameter"), parameterPointer + "/schema");
            _urlLength.RecordParameter(methodName, name, parameterPointer);
            var required = parameter.Required || modelLocation == ParameterLocation.Path;
            var defaultStyle = modelLocation is ParameterLocation.Query or ParameterLocation.Cookie ? "form" : "simple";
            var style = parameter.Style switch
            {
                ParameterStyle.Form => "form",
                ParameterStyle.Simple => "simple",
                ParameterStyle.SpaceDelimited => "spaceDelimited",
                ParameterStyle.PipeDelimited => "pipeDelimited",
                ParameterStyle.DeepObject => "deepObject",
                ParameterStyle.Matrix => "matrix",
                ParameterStyle.Label => "label",
                _ => defaultStyle,
            };
            var itemSchema = schema?.Items;
            models.Add(new ParameterModel(
                name,
                Identifiers.MakeUnique(Identifiers.ToCamelCase(name, "parameter"), parameterNames),
                modelLocation,
                required ? type : type.AsNullable(),
                required,
                style,
                parameter.Explode,
                Text.Clean(parameter.Description),
                schema?.MaxLength ?? itemSchema?.MaxLength,
                schema?.MaxItems));
        }

        foreach (var templateName in templateNames)
        {
            if (!models.Any(m => m.Location == ParameterLocation.Path && m.WireName == templateName))
            {
                // Shown at the placeholder in the path template, where the name is written.
                _problems.AddWithin(DiagnosticIds.UndeclaredPathParameter, pointer.Substring(0, pointer.LastIndexOf('/')), "{" + templateName + "}", path, displayName, templateName);
                models.Add(new ParameterModel(templateName, Identifiers.MakeUnique(Identifiers.ToCamelCase(templateName, "parameter"), parameterNames), ParameterLocation.Path, TypeRef.String, true, "simple", false, null, null, null));
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
