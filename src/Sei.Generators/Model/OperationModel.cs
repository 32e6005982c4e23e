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

/// <summary>
/// How a value is laid out in a path, query, header, cookie or form field: OpenAPI's <c>style</c>, and
/// Swagger 2.0's <c>collectionFormat</c> (<c>csv</c> and <c>multi</c> are <see cref="Form"/> or
/// <see cref="Simple"/>; <c>tsv</c>, which OpenAPI 3 has no style for, is <see cref="TabDelimited"/>).
/// </summary>
internal enum ParameterStyle
{
    Form,
    Simple,
    Matrix,
    Label,
    SpaceDelimited,
    PipeDelimited,
    TabDelimited,
    DeepObject,
}

/// <summary>
/// One parameter of an operation. <see cref="Style"/> and <see cref="Explode"/> are the layout the
/// client sends, after the builder has checked them against the location and the type (and reported
/// what it had to change). <see cref="IsJson"/> marks a parameter declared with <c>content</c>
/// <c>application/json</c>: its value is sent as JSON text, and the style does not apply.
/// <see cref="ItemFormat"/> is set for a Swagger 2.0 array of arrays: each item is joined with its own
/// <c>collectionFormat</c> (<see cref="ParameterStyle.Simple"/> for commas) before the array is laid out.
/// </summary>
internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    ParameterStyle Style,
    bool Explode,
    string? Summary,
    int? MaxLength,
    int? MaxItems,
    bool AllowReserved = false,
    bool IsJson = false,
    ParameterStyle? ItemFormat = null);

/// <summary>How one property of a form or multipart body is sent.</summary>
internal enum FieldEncoding
{
    /// <summary>The common form convention: scalars as text, arrays by repeating the name, nested objects in brackets (<c>card[number]</c>).</summary>
    Flattened,

    /// <summary>In the style the <c>encoding</c> (or 2.0 <c>collectionFormat</c>) names, like a query parameter.</summary>
    Styled,

    /// <summary>As JSON: one JSON text field, or one JSON part (an object's default in multipart bodies).</summary>
    Json,

    /// <summary>As a file part (multipart only).</summary>
    File,
}

/// <summary>How one property (by its JSON name) of a form or multipart body is sent, and with which media type.</summary>
internal sealed record FieldEncodingModel(string JsonName, FieldEncoding Encoding, string? ContentType, ParameterStyle Style, bool Explode);

/// <summary>
/// The request body of an operation in one media type. For form and multipart bodies <see cref="Type"/>
/// names an object whose properties are the fields, and <see cref="Fields"/> says how each is sent.
/// <see cref="CallerEncodes"/> marks a body of bytes in a media type whose structure the client does not
/// serialize (XML, say): the caller passes it encoded.
/// </summary>
internal sealed record BodyModel(BodyKind Kind, string MediaType, TypeRef Type, bool IsRequired, string Name, string? Summary, EquatableArray<FieldEncodingModel> Fields = default, bool CallerEncodes = false);

/// <summary>
/// Another media type the operation's request body is offered in, sent by a method of its own
/// (<c>UpdateAccountAsJsonPatchAsync</c> beside <c>UpdateAccountAsync</c>); paged operations get a
/// page method for it too.
/// </summary>
internal sealed record BodyVariantModel(string MethodName, string? PageMethodName, BodyModel Body);

/// <summary>A response header the document declares, as a typed property of the operation's response.</summary>
internal sealed record ResponseHeaderModel(string WireName, string PropertyName, TypeRef Type, ParameterStyle Style, string? Summary);

/// <summary>The operation's own response class (nested in the client), which adds typed properties for its declared headers.</summary>
internal sealed record ResponseHeadersModel(string ClassName, EquatableArray<ResponseHeaderModel> Headers);

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

/// <summary>
/// One HTTP operation, which becomes one client method (two for a paged list: all items, and one page),
/// and one more (or two) per other media type its request body is offered in.
/// </summary>
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
    EquatableArray<LinkHelperModel> LinkHelpers = default,
    EquatableArray<BodyVariantModel> BodyVariants = default,
    ResponseHeadersModel? ResponseHeaders = null,
    bool NotModifiedIsResult = false)
{
    /// <summary>Gets how messages name the operation: its operationId, or its method and path when it has none.</summary>
    public string DisplayName => OperationId ?? HttpMethod + " " + Path;

    /// <summary>Gets the summary the document gives, or one made of the method and path when it gives none.</summary>
    public string SummaryOrRoute => Summary ?? "Calls " + HttpMethod + " " + Path;
}

/// <summary>One argument of a link helper: the target parameter and the members of the source value it is read from.</summary>
internal sealed record LinkArgumentModel(string ParameterName, EquatableArray<MemberStep> Path, string Expression);

/// <summary>
/// An OpenAPI Link Object on an operation's success response, as a typed helper: it calls the
/// linked operation with arguments read from the response, so the generator knows what it returns.
/// </summary>
internal sealed record LinkHelperModel(string MethodName, string LinkName, string? Summary, TypeRef SourceType, string TargetMethodName, EquatableArray<LinkArgumentModel> Arguments);

/// <summary>The POST operation that takes in its body the filters a GET carries in its URL (SEI's answer to the 2048-character limit).</summary>
internal sealed record SearchAlternativeModel(string MethodName, string HttpMethod, string Path);
