using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sei.Client;
using Sei.Client.Authentication;
using Sei.Client.DependencyInjection;
using Sei.Generators.Tests.Infrastructure;
using Sei.Sandbox;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>
/// No credential in any log line, of any category, at any level: every OAuth flow a user can set
/// up, run through the generated client's <c>AddAccountsClientV1</c> (and <c>Create</c>) against the
/// sandbox's real token endpoint, with every category captured down to Trace. The captured text
/// (messages, structured properties, scopes, exceptions) is searched for every secret in every
/// encoding it travels in.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string AppKey = "sei-app-key-7f3a";
    private const string AppSecret = "s3cr3t/with+special=chars&more!";
    private const string WrongSecret = "regenerated/long+ago=secret";
    private const string UserPassword = "user pa$$word+with/odd=chars";
    private const string PfxPassword = "pfx-password/with+odd=chars";
    private const string WrongPfxPassword = "not-the-pfx/password";

    private const string Probe = """
        using System;
        using System.Threading.Tasks;
        using Consumer.Accounts.V1;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Logging;
        using Sei.Client;

        public static class Probe
        {
            public static void Register(IServiceCollection services, Action<SeiClientOptions> configure) => services.AddAccountsClientV1(configure);

            public static async Task<string> Get(IServiceProvider provider)
                => (await provider.GetRequiredService<AccountsClient>().GetAccountAsync("ACC-00000001")).Value.AccountId ?? "(none)";

            public static async Task<string> Create(SeiClientOptions options, ILoggerFactory loggerFactory)
                => (await AccountsClient.Create(options, loggerFactory).GetAccountAsync("ACC-00000001")).Value.AccountId ?? "(none)";
        }
        """;

    private static readonly Lazy<Assembly> Consumer = new(() => CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, new[] { Probe })));

    /// <summary>
    /// Runs every flow twice: with the logging defaults of the platform, and in an application that
    /// asks its HTTP clients to log every header value (the default of Microsoft.Extensions.Http 8,
    /// which .NET Framework, netstandard and .NET 8 applications get).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_secret_of_any_flow_reaches_any_log_category_at_any_level(bool applicationLogsHeaderValues)
    {
        var logs = new CapturingLoggerProvider();
        var sandboxOptions = new SandboxOptions { RequireAuthentication = true, AppKey = AppKey, AppSecret = AppSecret, UserPassword = UserPassword };
        await using var sandbox = await SandboxServer.StartAsync(sandboxOptions);
        var scan = new SecretScan()
            .Add("app secret", AppSecret)
            .AddBasicPair("app key and secret", AppKey, AppSecret)
            .Add("refused secret", WrongSecret)
            .AddBasicPair("refused key and secret", AppKey, WrongSecret)
            .Add("user password", UserPassword);

        // Client credentials: a first token, then a 401 after the sandbox expires it, then a new token.
        using (var app = Application(logs, applicationLogsHeaderValues, services => Register(services, o => o.UseClientCredentials(AppKey, AppSecret), sandbox)))
        {
            Assert.Equal("ACC-00000001", await Get(app));
            sandbox.ExpireTokens();
            Assert.Equal("ACC-00000001", await Get(app));
        }

        // Refused client credentials, caught as a SEI error and logged with its exception, as SEI3001 asks.
        using (var app = Application(logs, applicationLogsHeaderValues, services => Register(services, o => o.UseClientCredentials(AppKey, WrongSecret), sandbox)))
        {
            var refused = await Assert.ThrowsAnyAsync<SeiException>(() => Get(app));
            app.GetRequiredService<ILoggerFactory>().CreateLogger("Consumer.App").LogError(refused, "Accounts call failed; tracking ID {TrackingId}", refused.TrackingId);
        }

        // The end user's grants: authorization code with PKCE, refresh, password, and a refused (reused) refresh token.
        var verifier = SeiPkce.CreateVerifier();
        scan.Add("PKCE code verifier", verifier);
        using (var app = Application(logs, applicationLogsHeaderValues, services => services.AddHttpClient("sei-sign-in").AddSeiRedactingLogger()))
        {
            var flow = new SeiAuthorizationCodeFlow(
                app.GetRequiredService<IHttpClientFactory>().CreateClient("sei-sign-in"),
                new Uri(sandbox.BaseAddress, "oauth/v1/authorize"),
                new Uri(sandbox.BaseAddress, "oauth/v1/token"),
                AppKey,
                AppSecret);
            var redirect = new Uri("https://client.example.com/signed-in");
            var code = await SignInAsync(flow.BuildAuthorizationUrl(redirect, "state-1", verifier, "accounts.read"));
            var tokens = await flow.ExchangeCodeAsync(code, redirect, verifier);
            using var user = Application(logs, applicationLogsHeaderValues, services => Register(services, o => o.AccessTokenSource = _ => Task.FromResult(tokens.AccessToken), sandbox));
            Assert.Equal("ACC-00000001", await Get(user));
            var used = tokens.RefreshToken!;
            tokens = await flow.RefreshAsync(used);
            Assert.Equal("ACC-00000001", await Get(user));
            tokens = await flow.RequestWithPasswordAsync(sandboxOptions.UserName, UserPassword, "accounts.read");
            Assert.Equal("ACC-00000001", await Get(user));
            var reused = await Assert.ThrowsAsync<SeiAuthenticationException>(() => flow.RefreshAsync(used));
            app.GetRequiredService<ILoggerFactory>().CreateLogger("Consumer.App").LogError(reused, "Sign-in failed");
        }

        // Without dependency injection: Create, with the same loggers.
        using (var app = Application(logs, applicationLogsHeaderValues, _ => { }))
        {
            var options = new SeiClientOptions { BaseAddress = sandbox.BaseAddress }.UseClientCredentials(AppKey, AppSecret);
            Assert.Equal("ACC-00000001", await CompiledClient.InvokeAsync(Consumer.Value, "Create", options, app.GetRequiredService<ILoggerFactory>()));
        }

        foreach (var issued in sandbox.IssuedCredentials)
        {
            scan.Add("issued token or code", issued);
        }

        // The HTTP traffic is still logged, down to Trace, in the factory's categories: only the credentials are gone.
        Assert.True(sandbox.IssuedCredentials.Count >= 8, "the flows issued " + sandbox.IssuedCredentials.Count + " tokens and codes");
        const string ClientHandler = "System.Net.Http.HttpClient.Consumer.Accounts.V1.AccountsClient.ClientHandler";
        Assert.Contains(logs.Entries, e => e.Category == ClientHandler && e.Text.Contains("Sending HTTP request POST " + sandbox.BaseAddress + "oauth/v1/token", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == ClientHandler && e.Level == LogLevel.Trace && e.Text.Contains("Authorization: *", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == ClientHandler && e.Level == LogLevel.Trace && e.Text.Contains("RequestTrackingId: ", StringComparison.Ordinal) && !e.Text.Contains("RequestTrackingId: *", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == "System.Net.Http.HttpClient.sei-sign-in.ClientHandler" && e.Level == LogLevel.Trace && e.Text.Contains("Authorization: *", StringComparison.Ordinal));
        var findings = scan.Find(logs.Entries.Select(e => e.Text));
        Assert.True(findings.Count == 0, findings.Count + " secrets in the logs:\n" + string.Join("\n", findings.Take(20)));
    }

    [Fact]
    public async Task No_certificate_password_or_token_reaches_the_logs_over_mutual_tls()
    {
        var logs = new CapturingLoggerProvider();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { RequireAuthentication = true, RequireClientCertificate = true, AppKey = AppKey, AppSecret = AppSecret });
        var folder = Directory.CreateTempSubdirectory("sei-secrets-").FullName;
        try
        {
            var pfx = Path.Combine(folder, "svc.pfx");
            using (var issued = sandbox.Certificates!.IssueClientCertificate("svc-accounts-reader"))
            {
                File.WriteAllBytes(pfx, issued.Export(X509ContentType.Pkcs12, PfxPassword));
            }

            using var app = Application(logs, applicationLogsHeaderValues: true, services => Register(
                services,
                o =>
                {
                    o.UseClientCredentials(AppKey, AppSecret);
                    o.ClientCertificate = SeiCertificates.LoadPfx(pfx, PfxPassword);
                    o.TrustedCertificateAuthorities.Add(sandbox.Certificates!.Authority);
                },
                sandbox));
            Assert.Equal("ACC-00000001", await Get(app));
            var wrong = Assert.Throws<InvalidOperationException>(() => SeiCertificates.LoadPfx(pfx, WrongPfxPassword));
            app.GetRequiredService<ILoggerFactory>().CreateLogger("Consumer.App").LogError(wrong, "The certificate did not load");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var scan = new SecretScan().Add("certificate password", PfxPassword).Add("wrong certificate password", WrongPfxPassword).Add("app secret", AppSecret).AddBasicPair("app key and secret", AppKey, AppSecret);
        foreach (var issued in sandbox.IssuedCredentials)
        {
            scan.Add("issued token", issued);
        }

        var findings = scan.Find(logs.Entries.Select(e => e.Text));
        Assert.True(findings.Count == 0, findings.Count + " secrets in the logs:\n" + string.Join("\n", findings.Take(20)));
    }

    private static ServiceProvider Application(CapturingLoggerProvider logs, bool applicationLogsHeaderValues, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (applicationLogsHeaderValues)
        {
            services.ConfigureHttpClientDefaults(client => client.RedactLoggedHeaders(_ => false));
        }

        register(services);
        return services.BuildServiceProvider();
    }

    private static void Register(IServiceCollection services, Action<SeiClientOptions> configure, SandboxServer sandbox)
        => CompiledClient.Invoke(Consumer.Value, "Register", services, (Action<SeiClientOptions>)(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            configure(options);
        }));

    private static Task<string> Get(IServiceProvider app) => CompiledClient.InvokeAsync(Consumer.Value, "Get", app);

    /// <summary>What the user's browser does: opens the authorization URL and comes back with the code on the redirect.</summary>
    private static async Task<string> SignInAsync(Uri authorizationUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await browser.GetAsync(authorizationUrl);
        Assert.Equal(System.Net.HttpStatusCode.Found, answer.StatusCode);
        var query = QueryHelpers.ParseQuery(answer.Headers.Location!.Query);
        Assert.Equal("state-1", query["state"].ToString());
        return query["code"].ToString();
    }
}
