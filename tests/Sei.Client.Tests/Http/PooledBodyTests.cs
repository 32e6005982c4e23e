using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Sei.Client.Http;
using Xunit;

namespace Sei.Client.Tests.Http;

/// <summary>
/// Response bodies are read into pooled arrays: every byte arrives whatever the body announces
/// (its exact length, nothing, too little, or too much), and the array goes back cleared.
/// </summary>
public sealed class PooledBodyTests
{
    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 251)).ToArray();

    /// <summary>A stream that hands out at most a few bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => base.ReadAsync(buffer, offset, Math.Min(count, 1000), cancellationToken);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, 1L)]
    [InlineData(4095, 4095L)]
    [InlineData(4096, null)]
    [InlineData(4097, null)]
    [InlineData(700_000, 700_000L)]
    [InlineData(700_000, null)]
    [InlineData(700_000, 10L)]
    [InlineData(10, 700_000L)]
    public async Task Every_byte_is_read_whatever_the_body_announces(int length, long? announced)
    {
        var bytes = Bytes(length);
        using var content = new StreamContent(new TrickleStream(bytes));
        content.Headers.ContentLength = announced;

        using var body = await SeiPooledBody.ReadAsync(content, CancellationToken.None);

        Assert.Equal(length, body.Length);
        Assert.True(body.Span.SequenceEqual(bytes));
    }

    [Fact]
    public async Task No_content_is_an_empty_body()
    {
        using var body = await SeiPooledBody.ReadAsync(null, CancellationToken.None);

        Assert.Equal(0, body.Length);
    }

    [Fact]
    public async Task The_array_goes_back_to_the_pool_cleared_and_the_body_cannot_be_read_after()
    {
        using var content = new ByteArrayContent(Bytes(5000));
        var body = await SeiPooledBody.ReadAsync(content, CancellationToken.None);

        var (before, after) = FirstBytesAroundDispose(body);

        Assert.NotEqual(0, before);
        Assert.Equal(0, after);
        Assert.Throws<ObjectDisposedException>(() => body.Span.Length);
    }

    // The pool keeps the array alive, so a reference taken before disposal still reads it after.
    private static (byte Before, byte After) FirstBytesAroundDispose(SeiPooledBody body)
    {
        ref var first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(body.Span);
        var before = System.Runtime.CompilerServices.Unsafe.Add(ref first, 1);
        body.Dispose();
        return (before, System.Runtime.CompilerServices.Unsafe.Add(ref first, 1));
    }
}
