namespace Sei.Generators.Building;

/// <summary>The kinds of media type the generator tells apart in what a document writes.</summary>
internal enum MediaKind
{
    /// <summary>Read and written as JSON (see <see cref="MediaTypes.IsJsonBody"/>).</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>.</summary>
    FormUrlEncoded,

    /// <summary><c>multipart/form-data</c>.</summary>
    MultipartForm,

    /// <summary>Another <c>multipart/*</c> type.</summary>
    OtherMultipart,

    /// <summary><c>text/plain</c>.</summary>
    PlainText,

    /// <summary>Another <c>text/*</c> type.</summary>
    OtherText,

    /// <summary>Bytes by nature: <c>application/octet-stream</c>, archives, PDF, images, audio, video.</summary>
    Binary,

    /// <summary>Anything else (XML, vendor types that are not JSON).</summary>
    Other,
}

/// <summary>
/// The one place that reads a media type's text: what kind it is, and its base (type and subtype
/// without parameters). Bodies, responses, parameters and form fields all ask here.
/// </summary>
internal static class MediaTypes
{
    /// <summary>The type and subtype, lower case, without parameters: <c>Application/JSON; charset=utf-8</c> gives <c>application/json</c>.</summary>
    public static string Base(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The kind of a media type.</summary>
    public static MediaKind Classify(string mediaType)
    {
        var type = Base(mediaType);
        return type switch
        {
            _ when IsJsonBase(type) => MediaKind.Json,
            "application/x-www-form-urlencoded" => MediaKind.FormUrlEncoded,
            "multipart/form-data" => MediaKind.MultipartForm,
            _ when type.StartsWith("multipart/", StringComparison.Ordinal) => MediaKind.OtherMultipart,
            "text/plain" => MediaKind.PlainText,
            _ when type.StartsWith("text/", StringComparison.Ordinal) => MediaKind.OtherText,
            _ when IsBinaryBase(type) => MediaKind.Binary,
            _ => MediaKind.Other,
        };
    }

    /// <summary>
    /// Whether a body, response or parameter of this media type is read and written as JSON: JSON
    /// itself, <c>text/json</c>, any <c>+json</c> suffix or <c>application/…json…</c> vendor type, and
    /// the wildcards <c>*/*</c> and <c>application/*</c>, since a document that accepts anything is
    /// sent what SEI APIs speak.
    /// </summary>
    public static bool IsJsonBody(string mediaType) => IsJsonBase(Base(mediaType));

    /// <summary>
    /// Whether a form or multipart field's <c>contentType</c> (a list; its first entry counts) asks for
    /// JSON. Narrower than <see cref="IsJsonBody"/> on purpose: a field's wildcard or vendor type is a
    /// statement about a part the server will parse, and only the JSON types themselves are a promise
    /// that JSON is what it parses.
    /// </summary>
    public static bool IsJsonField(string contentType)
    {
        var first = FirstOf(contentType);
        return first == "application/json" || first.EndsWith("+json", StringComparison.Ordinal) || first == "text/json";
    }

    /// <summary>The base of the first entry of a field's <c>contentType</c> list (<c>text/plain, image/png</c>).</summary>
    public static string FirstOf(string contentType) => Base(contentType.Split(',')[0]);

    private static bool IsJsonBase(string type)
        => type == "application/json" || type == "text/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "*/*" || type == "application/*"
            || (type.StartsWith("application/", StringComparison.Ordinal) && type.Contains("json"));

    private static bool IsBinaryBase(string type)
        => type == "application/octet-stream" || type == "application/pdf" || type == "application/zip" || type == "application/x-tar"
            || type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("audio/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal);
}
