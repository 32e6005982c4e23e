using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Sandbox;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>OAuth 2.0 client credentials and the quota, through the generated client, against the SEI sandbox on 127.0.0.1.</summary>
public sealed class SandboxAuthTests
{
    private const string Probe = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Consumer.Accounts.V1;
        using Sei.Client;

        public static class Probe
        {
            private static AccountsClient? shared;

            private static AccountsClient Client(string baseUrl, string secret = "sandbox-app-secret", bool retries = true)
            {
                var options = new SeiClientOptions { BaseAddress = new Uri(baseUrl) }.UseClientCredentials("sandbox-app-key", secret);
                options.Retry.Enabled = retries;
                options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
                return AccountsClient.Create(options);
            }

            public static async Task<string> Concurrent(string baseUrl)
            {
                var client = Client(baseUrl);
                var results = await Task.WhenAll(Enumerable.Range(1, 50).Select(i => client.GetAccountAsync("ACC-" + i.ToString("D8"))));
                return results.Select(r => r.Value.AccountId).Distinct().Count().ToString();
            }

            public static async Task<string> Once(string baseUrl)
            {
                shared ??= Client(baseUrl);
                var account = await shared.GetAccountAsync("ACC-00000001");
                return account.Value.AccountId ?? "(none)";
            }

            public static async Task<string> WrongSecret(string baseUrl)
            {
                try
                {
                    await Client(baseUrl, secret: "regenerated-long-ago").GetAccountAsync("ACC-00000001");
                    return "no exception";
                }
                catch (SeiAuthenticationException exception)
                {
                    return exception.Error + "|" + exception.Message;
                }
            }

            public static async Task<string> RefusedAsSeiError(string baseUrl)
            {
                try
                {
                    await Client(baseUrl, secret: "regenerated-long-ago").GetAccountAsync("ACC-00000001");
                    return "no exception";
                }
                catch (SeiApiException exception)
                {
                    return string.Join("|", exception.GetType().Name, (int)exception.StatusCode, exception.Code, exception.Transient, exception.TrackingId is { Length: 36 });
                }
            }

            public static async Task<string> Quota(string baseUrl)
            {
                var client = Client(baseUrl, retries: false);
                try
                {
                    for (var i = 0; i < 10; i++) await client.GetAccountAsync("ACC-00000001");
                    return "no exception";
                }
                catch (SeiQuotaExceededException exception)
                {
                    return exception.Code + "|" + (exception.RetryAfter > TimeSpan.Zero) + "|" + (exception.TrackingId is not null);
                }
            }

            public static async Task<string> QuotaRetried(string baseUrl)
            {
                var client = Client(baseUrl);
                for (var i = 0; i < 6; i++) await client.GetAccountAsync("ACC-00000001");
                return "6 calls";
            }
        }
        """;

    private static readonly System.Lazy<System.Reflection.Assembly> Assembly = new(() => CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, new[] { Probe })));

    [Fact]
    public async Task Fifty_concurrent_calls_cause_exactly_one_token_request()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { RequireAuthentication = true });

        var distinct = await CompiledClient.InvokeAsync(Assembly.Value, "Concurrent", sandbox.BaseAddress.ToString());

        Assert.Equal("50", distinct);
        Assert.Equal(1, sandbox.TokenRequests);
    }

    [Fact]
    public async Task A_401_with_an_expired_token_is_recovered_transparently()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { RequireAuthentication = true });

        Assert.Equal("ACC-00000001", await CompiledClient.InvokeAsync(Assembly.Value, "Once", sandbox.BaseAddress.ToString()));
        sandbox.ExpireTokens();
        Assert.Equal("ACC-00000001", await CompiledClient.InvokeAsync(Assembly.Value, "Once", sandbox.BaseAddress.ToString()));

        Assert.Equal(2, sandbox.TokenRequests);
    }

    [Fact]
    public async Task A_wrong_secret_gives_a_clear_authentication_error()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { RequireAuthentication = true });

        var result = await CompiledClient.InvokeAsync(Assembly.Value, "WrongSecret", sandbox.BaseAddress.ToString());

        Assert.StartsWith("invalid_client|", result);
        Assert.Contains("Check the app key and secret", result);
        Assert.DoesNotContain("regenerated-long-ago", result);
    }

    [Fact]
    public async Task A_refused_token_request_is_caught_as_a_sei_error_with_the_gateways_code_and_tracking_id()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { RequireAuthentication = true });

        var result = await CompiledClient.InvokeAsync(Assembly.Value, "RefusedAsSeiError", sandbox.BaseAddress.ToString());

        Assert.Equal("SeiAuthenticationException|401|gateway.authentication.failure|False|True", result);
    }

    [Fact]
    public async Task An_exceeded_quota_is_reported_with_retry_after_or_waited_out_by_the_retries()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { QuotaLimit = 5, QuotaWindow = System.TimeSpan.FromSeconds(1) });

        Assert.Equal("gateway.quota.exceeded|True|True", await CompiledClient.InvokeAsync(Assembly.Value, "Quota", sandbox.BaseAddress.ToString()));

        await Task.Delay(1100);
        Assert.Equal("6 calls", await CompiledClient.InvokeAsync(Assembly.Value, "QuotaRetried", sandbox.BaseAddress.ToString()));
    }
}
