namespace Sei.Packaging.Tests.Infrastructure;

/// <summary>The code in each consumer: it calls every generated client, so each must compile on every target.</summary>
internal static class ConsumerSources
{
    /// <summary>Compiles on net48 as on net10.0: no DateOnly, no file-scoped namespace, no implicit usings.</summary>
    public const string Usage = """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Sei.Client;

        namespace Consumer
        {
            /// <summary>Calls into every generated client.</summary>
            public static class Usage
            {
                /// <summary>Counts the open accounts of API version 1, across every page.</summary>
                /// <param name="accounts">The version 1 client.</param>
                /// <param name="cancellationToken">Stops paging.</param>
                /// <returns>The number of open accounts.</returns>
                public static async Task<int> CountOpenAccountsAsync(Accounts.V1.AccountsClient accounts, CancellationToken cancellationToken)
                {
                    var count = 0;
                    await foreach (var account in accounts.ListAccountsAsync(status: Accounts.V1.AccountStatus.Open, cancellationToken: cancellationToken).ConfigureAwait(false))
                    {
                        if (account.AccountId is { Length: > 0 })
                        {
                            count++;
                        }
                    }

                    return count;
                }

                /// <summary>Reads an account's display name from API version 2, logging the tracking ID of a failure.</summary>
                /// <param name="accounts">The version 2 client.</param>
                /// <param name="accountId">The account.</param>
                /// <param name="logger">Where a failure is logged.</param>
                /// <param name="cancellationToken">Cancels the call.</param>
                /// <returns>The display name, or null when the call failed.</returns>
                public static async Task<string?> ReadDisplayNameAsync(Accounts.V2.AccountsClient accounts, string accountId, ILogger logger, CancellationToken cancellationToken)
                {
                    try
                    {
                        var response = await accounts.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
                        return response.Value.DisplayName;
                    }
                    catch (SeiApiException ex)
                    {
                        logger.LogError(ex, "Reading account {AccountId} failed; tracking ID {TrackingId}", accountId, ex.TrackingId);
                        return null;
                    }
                }

                /// <summary>Counts the first page of each of the other documents' lists.</summary>
                /// <param name="payments">The payments client.</param>
                /// <param name="notes">The client of the Swagger 2.0 document.</param>
                /// <param name="catalog">The client of the OpenAPI 3.1 document.</param>
                /// <param name="cancellationToken">Cancels the calls.</param>
                /// <returns>The number of items on the three first pages.</returns>
                public static async Task<int> CountFirstPagesAsync(Payments.V1.PaymentsClient payments, LegacyNotes.V1.LegacyNotesClient notes, ProductCatalog.V1.ProductCatalogClient catalog, CancellationToken cancellationToken)
                {
                    var paymentPage = await payments.ListPaymentsPageAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    var notePage = await notes.ListNotesPageAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    var productPage = await catalog.ListProductsPageAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    return paymentPage.Items.Count + notePage.Items.Count + productPage.Items.Count;
                }
            }
        }
        """;

    /// <summary>
    /// Both versions of one product registered from one file that imports both namespaces, as a program
    /// moving from v1 to v2 does: each registration carries its version, so neither call is ambiguous (CS0121).
    /// </summary>
    public const string Registration = """
        using Microsoft.Extensions.DependencyInjection;
        using Sei.Client;
        using Consumer.Accounts.V1;
        using Consumer.Accounts.V2;

        namespace Consumer
        {
            /// <summary>Registers the clients of both API versions.</summary>
            public static class Registration
            {
                /// <summary>Registers version 1 and version 2 of the accounts client, each with its own options.</summary>
                /// <param name="services">The service collection.</param>
                /// <returns>The same collection.</returns>
                public static IServiceCollection AddAccounts(IServiceCollection services)
                {
                    services.AddAccountsClientV1(options => options.Environment = SeiEnvironment.Qa);
                    services.AddAccountsClientV2(options => options.Environment = SeiEnvironment.Qa);
                    return services;
                }
            }
        }
        """;

    /// <summary>The app: pages through accounts and reads one from the server named on the command line, and prints what it got.</summary>
    public const string Program = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Sei.Client;

        namespace Consumer
        {
            /// <summary>Runs the generated clients against a server.</summary>
            public static class Program
            {
                /// <summary>Runs.</summary>
                /// <param name="args">The server's base address.</param>
                /// <returns>0 on success.</returns>
                public static async Task<int> Main(string[] args)
                {
                    using var loggerFactory = new StandardOutputLoggerFactory();
                    var options = new SeiClientOptions { BaseAddress = new Uri(args[0]) };
                    var v1 = Accounts.V1.AccountsClient.Create(options, loggerFactory);
                    var v2 = Accounts.V2.AccountsClient.Create(options, loggerFactory);
                    var open = await Usage.CountOpenAccountsAsync(v1, CancellationToken.None).ConfigureAwait(false);
                    var name = await Usage.ReadDisplayNameAsync(v2, "ACC-1", loggerFactory.CreateLogger("Consumer"), CancellationToken.None).ConfigureAwait(false);
                    Console.WriteLine("open accounts: " + open + "; display name: " + (name ?? "(failed)"));
                    return name is null ? 1 : 0;
                }
            }

            /// <summary>A logger factory that writes every message to standard output, tracking IDs included.</summary>
            public sealed class StandardOutputLoggerFactory : ILoggerFactory
            {
                /// <inheritdoc/>
                public ILogger CreateLogger(string categoryName) => new StandardOutputLogger(categoryName);

                /// <inheritdoc/>
                public void AddProvider(ILoggerProvider provider)
                {
                }

                /// <inheritdoc/>
                public void Dispose()
                {
                }

                private sealed class StandardOutputLogger(string category) : ILogger
                {
                    public IDisposable? BeginScope<TState>(TState state)
                        where TState : notnull
                        => null;

                    public bool IsEnabled(LogLevel logLevel) => true;

                    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                        => Console.WriteLine(logLevel + " " + category + ": " + formatter(state, exception));
                }
            }
        }
        """;
}
