using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
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
            // The logger factory is disposed before the exit code is returned: that flushes the console logger's queue.
            using var loggerFactory = LoggerFactory.Create(logging => logging
                .SetMinimumLevel(LogLevel.Information)
                .AddConsole(console => console.FormatterName = TourConsoleFormatter.FormatterName)
                .AddConsoleFormatter<TourConsoleFormatter, ConsoleFormatterOptions>());
            var narrator = loggerFactory.CreateLogger(TourConsoleFormatter.NarrationCategory);
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
            if (baseAddress is null)
            {
                sandbox = await SandboxServer.StartAsync(cancellationToken).ConfigureAwait(false);
                baseAddress = sandbox.BaseAddress;
                narrator.LogInformation("Started the SEI sandbox in this process at {BaseAddress}", baseAddress);
            }
            else
            {
                narrator.LogInformation("Using the server at {BaseAddress}", baseAddress);
            }

            // One HttpClient serves all three clients; each generated client resolves its paths against the BaseAddress.
            using var httpClient = new HttpClient { BaseAddress = baseAddress };
            var accountsV1 = new AccountsV1.AccountsClient(httpClient, options: null, loggerFactory.CreateLogger<AccountsV1.AccountsClient>());
            var accountsV2 = new AccountsV2.AccountsClient(httpClient, options: null, loggerFactory.CreateLogger<AccountsV2.AccountsClient>());
            var payments = new PaymentsV1.PaymentsClient(httpClient, options: null, loggerFactory.CreateLogger<PaymentsV1.PaymentsClient>());
            narrator.LogInformation("Each request below is logged by the generated client with its RequestTrackingId (lines marked 'log').");

            var tour = new Tour(accountsV1, accountsV2, payments, httpClient, narrator);
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
