using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Sandbox;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>
/// SEI's conventions end to end: the generated accounts client, registered with dependency
/// injection and OAuth client credentials, against the SEI sandbox on 127.0.0.1.
/// </summary>
public sealed class SandboxConventionsTests
{
    private const string Probe = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Consumer.Accounts.V1;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;
        using Sei.Client;

        public sealed class Capture : ILoggerProvider, ILogger
        {
            private readonly ConcurrentQueue<string> _lines = new();
            private readonly System.Threading.AsyncLocal<string?> _scope = new();

            public string Text => string.Join("\n", _lines);

            public ILogger CreateLogger(string categoryName) => this;

            public void Dispose()
            {
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                var previous = _scope.Value;
                _scope.Value = state.ToString();
                return new Restore(() => _scope.Value = previous);
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => _lines.Enqueue(logLevel + " " + formatter(state, exception) + " [scope " + _scope.Value + "]");

            private sealed class Restore : IDisposable
            {
                private readonly Action _undo;

                public Restore(Action undo) => _undo = undo;

                public void Dispose() => _undo();
            }
        }

        public static class Probe
        {
            public static async Task<string> Run(string baseUrl)
            {
                var capture = new Capture();
                var services = new ServiceCollection();
                services.AddSingleton<ILoggerFactory>(new LoggerFactory(new[] { capture }));
                services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
                services.AddAccountsClientV1(options =>
                {
                    options.BaseAddress = new Uri(baseUrl);
                    options.UseClientCredentials("sandbox-app-key", "sandbox-app-secret");
                });
                var client = services.BuildServiceProvider().GetRequiredService<AccountsClient>();
                var results = new List<string>();

                // Tracking ID on success.
                var account = await client.GetAccountAsync("ACC-00000042");
                results.Add("success:" + (account.TrackingId is { Length: 36 }));

                // The error envelope as a typed exception, with the tracking ID in Message.
                try { await client.GetAccountAsync("ACC-99999999"); results.Add("error:none"); }
                catch (SeiApiException exception) { results.Add("error:" + (int)exception.StatusCode + ":" + exception.Code + ":" + exception.Message.Contains(exception.TrackingId!)); }

                // Every page, lazily.
                var count = 0;
                await foreach (var item in client.ListAccountsAsync(limit: 25)) count++;
                results.Add("paging:" + count);

                // A GET over 2048 characters is refused before sending, naming the POST search operation.
                try
                {
                    await client.ListAccountsPageAsync(accountIds: Enumerable.Range(0, 200).Select(i => "ACC-" + i.ToString("D8")).ToList());
                    results.Add("url:sent");
                }
                catch (SeiUrlTooLongException exception) { results.Add("url:" + exception.Message.Contains("SearchAccountsAsync (POST /v1/accounts/search)")); }

                // Logs carry the tracking ID in the message and the scope, and never the secret or the token.
                var logs = capture.Text;
                results.Add("logs:" + logs.Contains("RequestTrackingId " + account.TrackingId) + ":" + logs.Contains("RequestTrackingId:" + account.TrackingId) + ":" + !logs.Contains("sandbox-app-secret") + ":" + !logs.Contains("Bearer"));
                return string.Join("|", results);
            }
        }
        """;

    [Fact]
    public async Task The_generated_client_speaks_SEI_against_the_sandbox()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { RequireAuthentication = true });
        var assembly = CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, new[] { Probe }));

        var result = await CompiledClient.InvokeAsync(assembly, "Run", sandbox.BaseAddress.ToString());

        Assert.Equal("success:True|error:404:accounts.account.not_found:True|paging:137|url:True|logs:True:True:True:True", result);
        Assert.Equal(1, sandbox.TokenRequests);
    }
}
