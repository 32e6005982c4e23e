namespace Sei.Generators.Model;

/// <summary>Where a parameter travels.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>How a request body is encoded.</summary>
internal enum BodyKind
{
    Json,
    FormUrlEncoded,
    Multipart,
    Binary,
    Text,
}

/// <summary>How a success response body is read.</summary>
internal enum ResponseKind
{
    None,
    Json,
    Stream,
    Text,
}

/// <summary>One parameter of an operation.</summary>
internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string Style,
    bool Explode,
    string? Summary,
    int? MaxLength,
    int? MaxItems);

/// <summary>The request body of an operation. For form and multipart bodies <see cref="Type"/> names an object whose properties are the fields.</summary>
internal sealed record BodyModel(BodyKind Kind, string MediaType, TypeRef Type, bool IsRequired, string Name, string? Summary);

/// <summary>The success response of an operation.</summary>
internal sealed record ResponseModel(ResponseKind Kind, TypeRef? Type, string? Summary);

/// <summary>One HTTP operation, which becomes one client method.</summary>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string Path,
    string? OperationId,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResponseModel Response);

/// <summary>A server the document lists.</summary>
internal sealed record ServerModel(string Url, string? Description);
