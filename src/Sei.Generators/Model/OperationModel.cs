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

/// <summary>One member access on the way from a response to its items or its paging object.</summary>
internal sealed record MemberStep(string Name, bool IsNullable);

/// <summary>
/// How a cursor-paged response is read (SEI's <c>paging</c> object beside an array of items): where
/// the items and the paging object are, and the names of the paging members that exist.
/// <see cref="CursorParameterName"/> is the page method's cursor parameter: <c>cursor</c>, unless
/// the operation has a parameter of that name already.
/// </summary>
internal sealed record PagingModel(
    string PageMethodName,
    EquatableArray<MemberStep> ItemsPath,
    TypeRef ItemType,
    EquatableArray<MemberStep> PagingPath,
    MemberStep? TotalCount,
    MemberStep? Limit,
    MemberStep? First,
    MemberStep? Last,
    MemberStep? Previous,
    MemberStep? Next,
    MemberStep? Self,
    string CursorParameterName = "cursor");

/// <summary>One HTTP operation, which becomes one client method (two for a paged list: all items, and one page).</summary>
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
    ResponseModel Response,
    PagingModel? Paging = null,
    SearchAlternativeModel? SearchAlternative = null,
    EquatableArray<LinkHelperModel> LinkHelpers = default);

/// <summary>One argument of a link helper: the target parameter and the members of the source value it is read from.</summary>
internal sealed record LinkArgumentModel(string ParameterName, EquatableArray<MemberStep> Path, string Expression);

/// <summary>
/// An OpenAPI Link Object on an operation's success response, as a typed helper: it calls the
/// linked operation with arguments read from the response, so the generator knows what it returns.
/// </summary>
internal sealed record LinkHelperModel(string MethodName, string LinkName, string? Summary, TypeRef SourceType, string TargetMethodName, EquatableArray<LinkArgumentModel> Arguments);

/// <summary>The POST operation that takes in its body the filters a GET carries in its URL (SEI's answer to the 2048-character limit).</summary>
internal sealed record SearchAlternativeModel(string MethodName, string HttpMethod, string Path);
