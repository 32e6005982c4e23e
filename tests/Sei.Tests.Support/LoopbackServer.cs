using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Sei.Tests.Support;

/// <summary>What the loopback server saw of one request.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawUrl">The path and query as sent, still percent-encoded.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Body">The body as text.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="BodyBytes">The body exactly as received, for bodies that are not text.</param>
public sealed record RecordedRequest(string Method, string RawUrl, string? ContentType, string Body, WebHeaderCollection Headers, byte[]? BodyBytes = null);

/// <summary>A real HTTP server on 127.0.0.1 that records requests and answers with a scripted response.</summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, (int Status, string Body, string? ContentType)> _respond;
    private readonly Action<RecordedRequest, HttpListenerResponse>? _decorate;
    private readonly TimeSpan _responseDelay;
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Starts the server on a free port of 127.0.0.1.</summary>
    /// <param name="respond">Scripts the answer to each request.</param>
    /// <param name="decorate">Adds headers to an answer before it is sent; by default a fixed RequestTrackingId is added.</param>
    /// <param name="responseDelay">How long to wait, without blocking a thread, before answering.</param>
    public LoopbackServer(Func<RecordedRequest, (int Status, string Body, string? ContentType)> respond, Action<RecordedRequest, HttpListenerResponse>? decorate = null, TimeSpan responseDelay = default)
    {
        _respond = respond;
        _decorate = decorate;
        _responseDelay = responseDelay;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    /// <summary>The tracking ID the server returns unless told otherwise.</summary>
    public const string TrackingId = "6cfbfd80-60ef-04bb-8b67-95f164846a3d";

    /// <summary>Gets the server's address, with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the requests received so far, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

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

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            using var received = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(received);
            var bodyBytes = received.ToArray();
            var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, context.Request.ContentType, Encoding.UTF8.GetString(bodyBytes), (WebHeaderCollection)context.Request.Headers, bodyBytes);
            Requests.Enqueue(recorded);
            if (_responseDelay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(_responseDelay, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var (status, body, contentType) = _respond(recorded);
            context.Response.StatusCode = status;
            if (_decorate is null)
            {
                context.Response.Headers["RequestTrackingId"] = TrackingId;
            }
            else
            {
                _decorate(recorded, context.Response);
            }
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            if (recorded.Method == "HEAD" || status == 304)
            {
                // No body, but the Content-Length a decorator set stays: it describes what a GET would return.
                context.Response.Close();
                continue;
            }

            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
