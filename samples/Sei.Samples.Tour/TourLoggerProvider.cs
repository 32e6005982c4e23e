using System;
using System.IO;
using Microsoft.Extensions.Logging;

namespace Sei.Samples.Tour;

/// <summary>
/// Writes the tour's console output. The tour's own narration (category <see cref="NarrationCategory"/>)
/// is printed as it is; everything else, such as the generated clients' request logs with their
/// tracking IDs, is printed indented and marked <c>log</c>.
/// </summary>
/// <remarks>
/// The narration goes through the same logger as the clients' logs on purpose, and every line is
/// written at once under one lock, so log lines and narration appear in the order they happened.
/// A provider of our own, rather than the console logger with a custom formatter, because that
/// one binds its options by reflection, which NativeAOT cannot do.
/// </remarks>
internal sealed class TourLoggerProvider(TextWriter output) : ILoggerProvider
{
    /// <summary>The logger category of the tour's narration.</summary>
    public const string NarrationCategory = "Tour";

    private const string RootNamespacePrefix = "Sei.Samples.Tour.";

    private readonly object _gate = new();

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new TourLogger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose() => output.Flush();

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        lock (_gate)
        {
            if (category == NarrationCategory)
            {
                output.WriteLine(message);
            }
            else
            {
                // The generated clients live under the project's root namespace; dropping it leaves "Accounts.V1.AccountsClient", which says the version.
                var shortCategory = category.StartsWith(RootNamespacePrefix, StringComparison.Ordinal) ? category[RootNamespacePrefix.Length..] : category;
                output.WriteLine($"      log {Level(level)} {shortCategory}: {message}");
            }

            if (exception is not null)
            {
                output.WriteLine(exception.ToString());
            }
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    private sealed class TourLogger(TourLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
