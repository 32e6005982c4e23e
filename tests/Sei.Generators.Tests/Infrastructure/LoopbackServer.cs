using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>What the loopback server saw of one request.</summary>
internal sealed record RecordedRequest(string Method, string RawUrl, string? ContentType, string Body, WebHeaderCollection Headers);

/// <summary>A real HTTP server on 127.0.0.1 that records requests and answers with a scripted response.</summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, (int Status, string Body, string? ContentType)> _respond;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackServer(Func<RecordedRequest, (int Status, string Body, string? ContentType)> respond)
    {
        _respond = respond;
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? string.Empty, context.Request.ContentType, await reader.ReadToEndAsync(), (WebHeaderCollection)context.Request.Headers);
            Requests.Enqueue(recorded);
            var (status, body, contentType) = _respond(recorded);
            context.Response.StatusCode = status;
            context.Response.Headers["RequestTrackingId"] = "6cfbfd80-60ef-04bb-8b67-95f164846a3d";
            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
