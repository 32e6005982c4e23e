using System.Net.Http.Headers;

namespace Sei.Client.Http;

/// <summary>
/// Builds a <c>multipart/form-data</c> body part by part, each with the media type the API document's
/// <c>encoding</c> gives it (or OpenAPI's default for the property's type): text parts, one JSON part
/// for an object, file parts. Plumbing for generated code: the generated method takes the fields.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SeiMultipart
{
    private readonly MultipartFormDataContent _content = new();

    /// <summary>Adds a text part; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="name">The part's name.</param>
    /// <param name="value">The text.</param>
    /// <param name="mediaType">The part's media type, <c>text/plain</c> when <see langword="null"/>.</param>
    public void AddText(string name, string? value, string? mediaType = null)
    {
        if (value is null)
        {
            return;
        }

        var part = new StringContent(value, Encoding.UTF8);
        part.Headers.ContentType = new MediaTypeHeaderValue(MediaType(mediaType) ?? "text/plain") { CharSet = "utf-8" };
        _content.Add(part, Quote(name));
    }

    /// <summary>Adds one text part per field (fields with a <see langword="null"/> value are left out).</summary>
    /// <param name="fields">The fields, already formatted, in order; a name may repeat.</param>
    public void AddFields(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        foreach (var field in fields)
        {
            AddText(field.Key, field.Value);
        }
    }

    /// <summary>Adds a part holding one JSON value, written by generated, reflection-free code.</summary>
    /// <param name="name">The part's name.</param>
    /// <param name="write">Writes exactly one JSON value.</param>
    /// <param name="mediaType">The part's media type, <c>application/json</c> when <see langword="null"/>.</param>
    public void AddJson(string name, Action<Utf8JsonWriter> write, string? mediaType = null)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        var part = new ByteArrayContent(Json.SeiJsonWrite.ToBytes(write));
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(MediaType(mediaType) ?? "application/json");
        _content.Add(part, Quote(name));
    }

    /// <summary>Adds a file part; a <see langword="null"/> file adds nothing.</summary>
    /// <param name="name">The part's name.</param>
    /// <param name="file">The file.</param>
    /// <param name="mediaType">The media type the document declares for the part, used when the file names none; <c>application/octet-stream</c> when neither does.</param>
    public void AddFile(string name, SeiFile? file, string? mediaType = null)
    {
        if (file is null)
        {
            return;
        }

        var part = new StreamContent(file.Content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType ?? MediaType(mediaType) ?? "application/octet-stream");
        if (file.FileName is null)
        {
            _content.Add(part, Quote(name));
        }
        else
        {
            _content.Add(part, Quote(name), Quote(file.FileName));
        }
    }

    /// <summary>Returns the body built so far.</summary>
    /// <returns>The <c>multipart/form-data</c> content.</returns>
    public HttpContent ToContent() => _content;

    /// <summary>
    /// The media type an <c>encoding.contentType</c> names, when it names exactly one concrete type. A list
    /// (<c>image/png, image/jpeg</c>) or a wildcard (<c>image/*</c>) says what the server accepts, not what
    /// this part is, so the caller's own type (or the default) is used then.
    /// </summary>
    private static string? MediaType(string? declared)
    {
        var trimmed = declared?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed!.IndexOf(',') >= 0 || trimmed.IndexOf('*') >= 0 ? null : trimmed;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\\\"") + "\"";
}
