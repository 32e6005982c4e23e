using System.Net.Http.Headers;

namespace Sei.Client.Http;

/// <summary>Creates request bodies for the media types OpenAPI documents declare.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SeiContent
{
    /// <summary>Creates a JSON body written by generated, reflection-free code.</summary>
    /// <param name="write">Writes exactly one JSON value.</param>
    /// <param name="mediaType">The media type to declare, such as <c>application/json</c>.</param>
    /// <returns>The body.</returns>
    public static HttpContent Json(Action<Utf8JsonWriter> write, string mediaType)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        var content = new ByteArrayContent(Sei.Client.Json.SeiJsonWrite.ToBytes(write));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Creates a JSON body written with a value's contract.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <typeparam name="TContract">Its contract.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="mediaType">The media type to declare, such as <c>application/json</c>.</param>
    /// <returns>The body.</returns>
    public static HttpContent Json<T, TContract>(T value, string mediaType)
        where TContract : struct, Json.ISeiJsonContract<T>
        => Json(writer => default(TContract).Write(writer, value), mediaType);

    /// <summary>Creates an <c>application/x-www-form-urlencoded</c> body. Fields with a <see langword="null"/> value are left out.</summary>
    /// <param name="fields">The fields, already formatted, in order; a name may repeat.</param>
    /// <returns>The body.</returns>
    public static HttpContent FormUrlEncoded(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        // FormUrlEncodedContent on .NET Framework limits field length; encoding ourselves has no limit.
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            if (field.Value is null)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(EncodeFormComponent(field.Key)).Append('=').Append(EncodeFormComponent(field.Value));
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>Creates a <c>multipart/form-data</c> body from text fields and files.</summary>
    /// <param name="fields">Text fields, already formatted; <see langword="null"/> values are left out.</param>
    /// <param name="files">File parts; <see langword="null"/> files are left out.</param>
    /// <returns>The body.</returns>
    public static HttpContent Multipart(IEnumerable<KeyValuePair<string, string?>> fields, IEnumerable<KeyValuePair<string, SeiFile?>> files)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        var multipart = new SeiMultipart();
        multipart.AddFields(fields);
        foreach (var file in files)
        {
            multipart.AddFile(file.Key, file.Value);
        }

        return multipart.ToContent();
    }

    /// <summary>Creates a binary body from a file or stream.</summary>
    /// <param name="file">The content and its media type.</param>
    /// <param name="mediaType">The media type the API document declares, used when the file names none.</param>
    /// <returns>The body.</returns>
    public static HttpContent Binary(SeiFile file, string mediaType = "application/octet-stream")
    {
        if (file is null)
        {
            throw new ArgumentNullException(nameof(file));
        }

        var content = new StreamContent(file.Content);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType ?? mediaType);
        return content;
    }

    /// <summary>Creates a plain-text body.</summary>
    /// <param name="text">The text.</param>
    /// <param name="mediaType">The media type, <c>text/plain</c> by default.</param>
    /// <returns>The body.</returns>
    public static HttpContent Text(string text, string mediaType = "text/plain")
    {
        var content = new StringContent(text ?? throw new ArgumentNullException(nameof(text)), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    private static string EncodeFormComponent(string value) => Uri.EscapeDataString(value).Replace("%20", "+");
}
