using System.Buffers;
using System.IO;

namespace Sei.Client.Http;

/// <summary>
/// A response body read into an array rented from <see cref="ArrayPool{T}.Shared"/>, to be parsed
/// and given back. <see cref="HttpContent.ReadAsByteArrayAsync()"/> would allocate a new array of the
/// body's size for every response, on the large object heap once a page passes 85 KB, so a paging
/// walk would cost a gen 2 collection every few pages; a rented array is reused from page to page.
/// </summary>
internal sealed class SeiPooledBody : IDisposable
{
    // The first rent trusts Content-Length up to this much; a larger body grows the array as it arrives.
    private const int MaxInitialRent = 16 * 1024 * 1024;

    private byte[]? _buffer;

    private SeiPooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>Gets the body's length in bytes.</summary>
    public int Length { get; }

    /// <summary>Gets the body.</summary>
    public ReadOnlySpan<byte> Span => new(_buffer ?? throw new ObjectDisposedException(nameof(SeiPooledBody)), 0, Length);

    /// <summary>Reads the whole body of a response.</summary>
    /// <param name="content">The content, or <see langword="null"/> for an empty body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The body; dispose it to give the array back.</returns>
    public static async Task<SeiPooledBody> ReadAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return new SeiPooledBody(Array.Empty<byte>(), 0);
        }

        var expected = content.Headers.ContentLength is { } known and >= 0 ? (int)Math.Min(known, MaxInitialRent) : 0;

        // One byte more than announced, so that the read which finds the end needs no larger array.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(expected + 1, 4096));
        var length = 0;
        try
        {
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            int read;
            while ((read = await ReadAsync(stream, buffer, length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    Return(buffer, length);
                    buffer = larger;
                }
            }

            return new SeiPooledBody(buffer, length);
        }
        catch
        {
            Return(buffer, length);
            throw;
        }
    }

    /// <summary>Gives the array back to the pool, cleared first: a body may hold what other users of the pool must not see.</summary>
    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            Return(buffer, Length);
        }
    }

    private static void Return(byte[] buffer, int length)
    {
        if (buffer.Length > 0)
        {
            Array.Clear(buffer, 0, length);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Task<int> ReadAsync(Stream stream, byte[] buffer, int offset, CancellationToken cancellationToken)
        => stream.ReadAsync(buffer, offset, buffer.Length - offset, cancellationToken);
}
