using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sei.Client;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>
/// <see cref="SeiClientOptions.Timeout"/> through the generated client, on each path a user takes to
/// make one (<c>Create</c>, <c>AddAccountsClientV1</c> with code, and with configuration), against a
/// server on 127.0.0.1 that answers too late. Only what the exception says is checked, never a duration.
/// </summary>
public sealed class TimeoutTests
{
    private const string Probe = """
        using System;
        using System.Threading.Tasks;
        using Consumer.Accounts.V1;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Sei.Client;

        public static class Probe
        {
            public static Task<string> Created(SeiClientOptions options) => Call(() => AccountsClient.Create(options));

            public static Task<string> Registered(IServiceCollection services, Action<SeiClientOptions> configure)
            {
                services.AddAccountsClientV1(configure);
                return Call(() => services.BuildServiceProvider().GetRequiredService<AccountsClient>());
            }

            public static Task<string> Configured(IServiceCollection services, IConfiguration configuration)
            {
                services.AddAccountsClientV1(configuration);
                return Call(() => services.BuildServiceProvider().GetRequiredService<AccountsClient>());
            }

            private static async Task<string> Call(Func<AccountsClient> client)
            {
                try
                {
                    await client().GetAccountAsync("ACC-00000001");
                    return "answered";
                }
                catch (SeiTimeoutException exception)
                {
                    return exception.Timeout.TotalMilliseconds + " ms | " + exception.OperationName + " | " + exception.Message;
                }
            }
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> Consumer = new(() => CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, new[] { Probe })));

    private static LoopbackServer SlowServer() => new(_ => (200, """{"accountId":"ACC-00000001"}""", "application/json"), responseDelay: TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Create_honours_the_timeout_option()
    {
        using var server = SlowServer();
        var options = new SeiClientOptions { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };

        var result = await CompiledClient.InvokeAsync(Consumer.Value, "Created", options);

        Assert.StartsWith("300 ms | getAccount | getAccount got no answer from " + server.BaseAddress + " within 0.3 seconds, the timeout for the whole call (SeiClientOptions.Timeout", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddXxxClient_honours_the_timeout_option()
    {
        using var server = SlowServer();
        Action<SeiClientOptions> configure = options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.Timeout = TimeSpan.FromMilliseconds(250);
        };

        var result = await CompiledClient.InvokeAsync(Consumer.Value, "Registered", new ServiceCollection(), configure);

        Assert.StartsWith("250 ms | getAccount | ", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddXxxClient_reads_the_timeout_from_configuration()
    {
        using var server = SlowServer();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseAddress"] = server.BaseAddress.ToString(),
            ["Timeout"] = "00:00:00.2",
        }).Build();

        var result = await CompiledClient.InvokeAsync(Consumer.Value, "Configured", new ServiceCollection(), configuration);

        Assert.StartsWith("200 ms | getAccount | ", result, StringComparison.Ordinal);
    }
}
