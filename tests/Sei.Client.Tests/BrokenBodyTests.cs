using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Sei.Client.Http;
using Sei.Client.Json;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>
/// A connection that breaks after the status and headers but before the body has arrived (a proxy's
/// reset, a server that gave up) ends every kind of call with SeiTransportException, carrying the
/// status and tracking ID that were known, never with an IOException of the HTTP stack.
/// </summary>
public sealed class BrokenBodyTests
{
    private sealed class ProbeClient : SeiClientBase
    {
        public ProbeClient(HttpClient httpClient)
            : base(httpClient, new SeiClientOptions { Retry = { Enabled = false } }, null, "http://127.0.0.1:1/")
        {
        }

        public Task<SeiResponse<string>> GetJsonAsync()
            => SendAndReadJsonAsync<string, SeiJsonString>(new SeiRequestBuilder(HttpMethod.Get, "/v1/things", "getThing"), "getThing", CancellationToken.None);

        public Task<SeiResponse<string>> GetTextAsync()
            => SendAndReadTextAsync(new SeiRequestBuilder(HttpMethod.Get, "/v1/things", "getThing"), CancellationToken.None);
    }

    /// <summary>A server that answers every connection with a status, headers and the start of a body promised to be longer, then closes.</summary>
    private static (Uri BaseAddress, Task Serving) Serve(int status, CancellationToken stop)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = Task.Run(async () =>
        {
            using (stop.Register(listener.Stop))
            {
                while (!stop.IsCancellationRequested)
                {
                    TcpClient connection;
                    try
                    {
                        connection = await listener.AcceptTcpClientAsync(stop);
                    }
                    catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
                    {
                        return;
                    }

                    using (connection)
                    {
                        var stream = connection.GetStream();
                        // The request's head, up to its blank line (a GET has no body).
                        var received = new StringBuilder();
                        var buffer = new byte[8192];
                        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                        {
                            var read = await stream.ReadAsync(buffer, stop);
                            if (read == 0)
                            {
                                break;
                            }

                            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                        }

                        var head = "HTTP/1.1 " + status + " Status\r\nContent-Type: application/json\r\nContent-Length: 500\r\nRequestTrackingId: tracking-1\r\nConnection: close\r\n\r\n{\"code\":\"part";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop);
                        await stream.FlushAsync(stop);
                        connection.Client.Shutdown(SocketShutdown.Both);
                    }
                }
            }
        });
        return (new Uri("http://127.0.0.1:" + port + "/"), serving);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(200, false)]
    [InlineData(500, true)]
    public async Task A_body_cut_short_is_a_transport_error_with_the_status_and_tracking_ID(int status, bool json)
    {
        using var stop = new CancellationTokenSource();
        var (baseAddress, serving) = Serve(status, stop.Token);
        var client = new ProbeClient(new HttpClient { BaseAddress = baseAddress });

        var exception = await Assert.ThrowsAsync<SeiTransportException>(() => json ? client.GetJsonAsync() : client.GetTextAsync());

        Assert.StartsWith("getThing got HTTP " + status, exception.Message, StringComparison.Ordinal);
        Assert.Contains("tracking-1", exception.Message, StringComparison.Ordinal);
        Assert.Contains("before the body arrived", exception.Message, StringComparison.Ordinal);
        stop.Cancel();
        await serving;
    }
}
