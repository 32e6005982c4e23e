using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Sei.Benchmarks.Payloads;

namespace Sei.Benchmarks.Paging;

/// <summary>
/// A real HTTP server on 127.0.0.1 serving <c>GET /v1/accounts</c> as a listing of
/// <see cref="PageCount"/> pages of 1,000 accounts, cursor-paged the SEI way. The accounts array is
/// encoded once and only the small <c>paging</c> object differs per page, so the server's own memory
/// stays flat whatever the page count, and what grows (or does not) during a walk is the client's.
/// tests/Sei.Tests.Support's LoopbackServer is not used: it builds each body as a string and records every
/// request, both of which the memory figures would then include.
/// </summary>
internal sealed class AccountsPageServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _head;
    private readonly byte[][] _tails;
    private int _requests;

    /// <summary>Initializes a new instance of the <see cref="AccountsPageServer"/> class and starts it.</summary>
    /// <param name="pageCount">How many pages the listing has.</param>
    public AccountsPageServer(int pageCount)
    {
        PageCount = pageCount;
        var empty = AccountsPayload.Paging(0, pageCount, Payload.PageSize);
        var page = AccountsPayload.Page(AccountsPayload.Items(Payload.PageSize, Payload.Seed), empty);
        _head = page.AsSpan(0, page.Length - empty.Length - 1).ToArray();
        _tails = new byte[pageCount][];
        for (var i = 0; i < pageCount; i++)
        {
            _tails[i] = [.. AccountsPayload.Paging(i, pageCount, Payload.PageSize), (byte)'}'];
        }

        ListingBytes = _tails.Sum(tail => (long)_head.Length + tail.Length);
        BaseAddress = new Uri("http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture) + "/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    /// <summary>Gets the server's address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets how many pages the listing has.</summary>
    public int PageCount { get; }

    /// <summary>Gets the size of all pages' bodies together.</summary>
    public long ListingBytes { get; }

    /// <summary>Gets how many requests were answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The path and query of page <paramref name="pageIndex"/>, as its <c>paging.next</c> leads to it.</summary>
    /// <param name="pageIndex">The zero-based page.</param>
    /// <returns>A relative URL.</returns>
    public static string PageUrl(int pageIndex) =>
        "v1/accounts?limit=" + Payload.PageSize.ToString(CultureInfo.InvariantCulture)
        + (pageIndex == 0 ? string.Empty : "&" + AccountsPayload.CursorAfter(pageIndex - 1, Payload.PageSize));

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // One request at a time is what a paging walk sends; answering inline keeps the server simple.
            await AnswerAsync(context).ConfigureAwait(false);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            Interlocked.Increment(ref _requests);
            response.Headers["RequestTrackingId"] = "6cfbfd80-60ef-04bb-8b67-95f164846a3d";
            response.ContentType = "application/json";
            var pageIndex = AccountsPayload.PageIndexAfter(context.Request.QueryString["after"], Payload.PageSize);
            if (context.Request.HttpMethod != "GET" || context.Request.Url?.AbsolutePath != "/v1/accounts" || pageIndex >= PageCount)
            {
                response.StatusCode = 404;
                var error = """{"code":"accounts.not.found","message":"No such page.","trackingId":"6cfbfd80-60ef-04bb-8b67-95f164846a3d","transient":"false","errors":[]}"""u8.ToArray();
                response.ContentLength64 = error.Length;
                await response.OutputStream.WriteAsync(error).ConfigureAwait(false);
                return;
            }

            var tail = _tails[pageIndex];
            response.StatusCode = 200;
            response.ContentLength64 = _head.Length + tail.Length;
            // HttpListener copies its first write into one buffer with the headers: a one-byte first
            // write keeps it from copying the whole page, which would count in every walk's figures.
            await response.OutputStream.WriteAsync(_head.AsMemory(0, 1)).ConfigureAwait(false);
            await response.OutputStream.WriteAsync(_head.AsMemory(1)).ConfigureAwait(false);
            await response.OutputStream.WriteAsync(tail).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or FormatException)
        {
            // The client went away or sent a cursor that is not ours; the walk that did so fails on its side.
        }
        finally
        {
            response.Close();
        }
    }
}
