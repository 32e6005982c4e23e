using System.IO;

namespace Sei.Client;

/// <summary>
/// A file to upload in a multipart body, or binary content sent or received as a whole.
/// The stream is read when the request is sent; the caller keeps ownership of it.
/// </summary>
public sealed class SeiFile
{
    /// <summary>Initializes a new instance of the <see cref="SeiFile"/> class.</summary>
    /// <param name="content">The content to send. It is read from its current position.</param>
    /// <param name="fileName">The file name reported to the server, or <see langword="null"/> for none.</param>
    /// <param name="contentType">The media type of the content; when omitted, the one the API document declares (or <c>application/octet-stream</c>).</param>
    public SeiFile(Stream content, string? fileName = null, string? contentType = null)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName;
        ContentType = string.IsNullOrEmpty(contentType) ? null : contentType;
    }

    /// <summary>Gets the content to send.</summary>
    public Stream Content { get; }

    /// <summary>Gets the file name reported to the server, if any.</summary>
    public string? FileName { get; }

    /// <summary>Gets the media type of the content, or <see langword="null"/> to use the one the API document declares.</summary>
    public string? ContentType { get; }

    /// <summary>Creates a file from bytes held in memory.</summary>
    /// <param name="bytes">The content.</param>
    /// <param name="fileName">The file name reported to the server, or <see langword="null"/> for none.</param>
    /// <param name="contentType">The media type of the content.</param>
    /// <returns>A file over a read-only memory stream.</returns>
    public static SeiFile FromBytes(byte[] bytes, string? fileName = null, string? contentType = null)
        => new(new MemoryStream(bytes ?? throw new ArgumentNullException(nameof(bytes)), writable: false), fileName, contentType);
}
