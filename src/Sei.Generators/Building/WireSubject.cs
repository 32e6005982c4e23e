namespace Sei.Generators.Building;

/// <summary>What a value sent or read on the wire is, for the diagnostics that speak of one.</summary>
internal enum WireSubjectKind
{
    PathParameter,
    QueryParameter,
    HeaderParameter,
    CookieParameter,
    FormField,
    MultipartField,
    ResponseHeader,
}

/// <summary>
/// The value a diagnostic is about: a parameter, a body field or a response header, by kind, name
/// and operation. The descriptors spell the sentence ("The {0} '{1}' of '{2}' ..."); this gives them
/// the three identifiers, so no call site assembles a phrase of its own.
/// </summary>
/// <param name="Kind">What the value is.</param>
/// <param name="Name">Its name on the wire.</param>
/// <param name="Operation">The operation it belongs to, as the document names it.</param>
internal readonly record struct WireSubject(WireSubjectKind Kind, string Name, string Operation)
{
    /// <summary>Gets the subject of a parameter at a location.</summary>
    public static WireSubject Parameter(ParameterLocation location, string name, string operation) => new(
        location switch
        {
            ParameterLocation.Path => WireSubjectKind.PathParameter,
            ParameterLocation.Query => WireSubjectKind.QueryParameter,
            ParameterLocation.Header => WireSubjectKind.HeaderParameter,
            ParameterLocation.Cookie => WireSubjectKind.CookieParameter,
            _ => throw new ArgumentOutOfRangeException(nameof(location), location, "A parameter is in a path, query, header or cookie."),
        },
        name,
        operation);

    /// <summary>Gets the noun the messages use for <see cref="Kind"/>.</summary>
    public string KindWord => Kind switch
    {
        WireSubjectKind.PathParameter => "path parameter",
        WireSubjectKind.QueryParameter => "query parameter",
        WireSubjectKind.HeaderParameter => "header parameter",
        WireSubjectKind.CookieParameter => "cookie parameter",
        WireSubjectKind.FormField => "form field",
        WireSubjectKind.MultipartField => "multipart field",
        WireSubjectKind.ResponseHeader => "response header",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Every kind has its word."),
    };

    /// <summary>Gets the message arguments: the kind, the name and the operation, then <paramref name="more"/>.</summary>
    /// <param name="more">The descriptor's further arguments, in order.</param>
    public string[] Arguments(params string[] more)
    {
        var arguments = new string[3 + more.Length];
        arguments[0] = KindWord;
        arguments[1] = Name;
        arguments[2] = Operation;
        more.CopyTo(arguments, 3);
        return arguments;
    }
}
