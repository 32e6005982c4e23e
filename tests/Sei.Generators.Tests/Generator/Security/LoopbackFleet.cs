using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;

namespace Sei.Generators.Tests.Generator.Security;

/// <summary>
/// Several HTTP servers on 127.0.0.1, each its own origin (its own port), standing for API hosts and
/// token hosts; each issues tokens on any path under <c>/oauth/</c> that ends in <c>/token</c> and answers anything else
/// with 204. Tests write the ports into a document, compile its client and see which origin got what.
/// </summary>
internal sealed class LoopbackFleet : IDisposable
{
    private int _issued;

    public LoopbackFleet(int count)
    {
        Servers = Enumerable.Range(0, count).Select(_ => new LoopbackServer(Answer)).ToArray();
    }

    public LoopbackServer[] Servers { get; }

    public LoopbackServer this[int index] => Servers[index];

    /// <summary>The origin of a server, without a trailing slash, as documents write server URLs.</summary>
    public string Origin(int index) => Servers[index].BaseAddress.GetLeftPart(UriPartial.Authority);

    public int Port(int index) => Servers[index].BaseAddress.Port;

    /// <summary>Every request the fleet received, as "server index: METHOD path", in arrival order per server.</summary>
    public List<string> Hits() => Servers.SelectMany((server, index) => server.Requests.Select(r => index + ": " + r.Method + " " + r.RawUrl)).ToList();

    /// <summary>The form bodies of the token requests, decoded, in order.</summary>
    public List<string> TokenBodies() => Servers.SelectMany(s => s.Requests).Where(IsTokenRequest).Select(r => Uri.UnescapeDataString(r.Body.Replace('+', ' '))).ToList();

    /// <summary>The Authorization header of each API request, in order per server.</summary>
    public List<string?> ApiAuthorization() => Servers.SelectMany(s => s.Requests).Where(r => !IsTokenRequest(r)).Select(r => r.Headers["Authorization"]).ToList();

    public void Dispose()
    {
        foreach (var server in Servers)
        {
            server.Dispose();
        }
    }

    /// <summary>Generates a document's client, requires the generator to have handled it, and compiles it with a probe class.</summary>
    public static Assembly Compile(string fileName, string document, string probe)
    {
        var run = GeneratorHarness.Run(new[] { new SpecFile(GeneratorHarness.ProjectDirectory + fileName, document) }, new[] { probe });
        Xunit.Assert.True(run.Fault() is null, run.Fault());
        return CompiledClient.Compile(run);
    }

    /// <summary>Calls the compiled probe's <c>Call</c> with the settings text.</summary>
    public static Task<string> CallAsync(Assembly assembly, string settings) => CompiledClient.InvokeAsync(assembly, "Call", settings);

    private static bool IsTokenRequest(RecordedRequest request)
        => request.RawUrl.Contains("/oauth/", StringComparison.Ordinal) && request.RawUrl.EndsWith("/token", StringComparison.Ordinal);

    private (int Status, string Body, string? ContentType) Answer(RecordedRequest request)
        => IsTokenRequest(request)
            ? (200, "{\"access_token\":\"token-" + Interlocked.Increment(ref _issued) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}", "application/json")
            : (204, string.Empty, null);
}
