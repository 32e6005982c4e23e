using System.IO;
using System.Net.Http.Headers;

namespace Sei.Client.Http;

/// <summary>
/// A copy of a response's content headers that outlives the response: <see cref="HttpContentHeaders"/>
/// can only exist on an <see cref="HttpContent"/>, so the copy sits on an empty content that never
/// claims a length of its own (a missing <c>Content-Length</c> stays missing, rather than reading 0).
/// </summary>
internal sealed class DetachedContentHeaders : HttpContent
{
    private DetachedContentHeaders()
    {
    }

    public static HttpContentHeaders Empty() => new DetachedContentHeaders().Headers;

    public static HttpContentHeaders CopyOf(HttpContent? content)
    {
        var copy = new DetachedContentHeaders();
        if (content is not null)
        {
            foreach (var header in content.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy.Headers;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => Task.CompletedTask;

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
