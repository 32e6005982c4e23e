using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sei.Client;
using Sei.Sandbox;
using AccountsV1 = Sei.Samples.Tour.Accounts.V1;
using AccountsV2 = Sei.Samples.Tour.Accounts.V2;
using PaymentsV1 = Sei.Samples.Tour.Payments.V1;

namespace Sei.Samples.Tour;

/// <summary>
/// A guided tour of the clients that Sei.Generators generates from <c>specs/accounts.v1.yaml</c>,
/// <c>specs/accounts.v2.yaml</c> and <c>specs/payments.v1.yaml</c>. With no arguments it starts the
/// SEI sandbox in this process and runs against it; <c>--base-address URL</c> runs it against
/// another server that speaks the same APIs.
/// </summary>
internal static class Program
{
    /// <summary>Runs the tour.</summary>
    /// <param name="args">Nothing, or <c>--base-address URL</c>.</param>
    /// <returns>0 when every step passed, 1 when a step failed, 2 for bad arguments.</returns>
    public static async Task<int> Main(string[] args)
    {
        if (!TryParseArguments(args, out var baseAddress))
        {
            await Console.Error.WriteLineAsync("Usage: Sei.Samples.Tour [--base-address http://host:port/]").ConfigureAwait(false);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Let the tour stop between requests and still flush its log, rather than die mid-line.
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;

        int failedSteps;
        try
        {
            // The logger factory is disposed before the exit code is returned: that flushes the output.
            using var loggerFactory = LoggerFactory.Create(logging => logging
                .SetMinimumLevel(LogLevel.Information)
                .AddProvider(new TourLoggerProvider(Console.Out)));
            var narrator = loggerFactory.CreateLogger(TourLoggerProvider.NarrationCategory);
            try
            {
                failedSteps = await RunAsync(baseAddress, loggerFactory, narrator, cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                narrator.LogWarning("Tour cancelled.");
                failedSteps = 1;
            }
        }
        finally
        {
            // The handler must not outlive the token source it cancels.
            Console.CancelKeyPress -= onCancel;
        }

        return failedSteps == 0 ? 0 : 1;
    }

    private static async Task<int> RunAsync(Uri? baseAddress, ILoggerFactory loggerFactory, ILogger narrator, CancellationToken cancellationToken)
    {
        SandboxServer? sandbox = null;
        try
        {
            var options = new SeiClientOptions();
            var environment = Environment.GetEnvironmentVariable("SEI_ENVIRONMENT");
            if (baseAddress is null && string.IsNullOrEmpty(environment))
            {
                // The embedded sandbox checks OAuth tokens like SEI's gateway, with its own key and secret.
                var sandboxOptions = new SandboxOptions { RequireAuthentication = true };
                sandbox = await SandboxServer.StartAsync(sandboxOptions, cancellationToken).ConfigureAwait(false);
                options.BaseAddress = sandbox.BaseAddress;
                options.UseClientCredentials(sandboxOptions.AppKey, sandboxOptions.AppSecret);
                narrator.LogInformation("Started the SEI sandbox in this process at {BaseAddress}; it requires OAuth 2.0 client credentials", sandbox.BaseAddress);
            }
            else
            {
                // A real SEI environment: SEI_ENVIRONMENT (Dev, Qa, Pilot, Prod) or --base-address, with the
                // application's key and secret, and optionally its identity certificate for two-way TLS.
                options.BaseAddress = baseAddress;
                if (!string.IsNullOrEmpty(environment))
                {
                    options.Environment = Enum.Parse<SeiEnvironment>(environment, ignoreCase: true);
                }

                var appKey = Environment.GetEnvironmentVariable("SEI_APP_KEY");
                var appSecret = Environment.GetEnvironmentVariable("SEI_APP_SECRET");
                if (!string.IsNullOrEmpty(appKey) && !string.IsNullOrEmpty(appSecret))
                {
                    options.UseClientCredentials(appKey, appSecret);
                }

                if (Environment.GetEnvironmentVariable("SEI_CERT_PFX") is { Length: > 0 } pfx)
                {
                    options.ClientCertificate = SeiCertificates.LoadPfx(pfx, Environment.GetEnvironmentVariable("SEI_CERT_PASSWORD"));
                    options.UseMutualTlsPort = true;
                }

                narrator.LogInformation("Using {Server}", baseAddress?.ToString() ?? "the " + environment + " environment");
            }

            // Create builds each client's HTTP pipeline: SEI's retries, the OAuth token and the client certificate.
            var accountsV1 = AccountsV1.AccountsClient.Create(options, loggerFactory);
            var accountsV2 = AccountsV2.AccountsClient.Create(options, loggerFactory);
            var payments = PaymentsV1.PaymentsClient.Create(options, loggerFactory);
            narrator.LogInformation("Each request below is logged by the generated client with its RequestTrackingId (lines marked 'log').");

            var tour = new Tour(accountsV1, accountsV2, payments, narrator);
            return await tour.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static bool TryParseArguments(string[] args, out Uri? baseAddress)
    {
        baseAddress = null;
        if (args.Length == 0)
        {
            return true;
        }

        return args.Length == 2
            && args[0] == "--base-address"
            && Uri.TryCreate(args[1], UriKind.Absolute, out baseAddress);
    }
}
