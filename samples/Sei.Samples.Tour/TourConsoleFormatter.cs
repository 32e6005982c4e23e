using System.IO;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Sei.Samples.Tour;

/// <summary>
/// Formats the tour's console output. The tour's own narration (category <see cref="NarrationCategory"/>)
/// is printed as it is; everything else, such as the generated clients' request logs with their
/// tracking IDs, is printed indented and marked <c>log</c>.
/// </summary>
/// <remarks>
/// The narration goes through the same console logger as the clients' logs on purpose: the
/// console logger writes from a background queue, so text written to the console directly could
/// overtake a log line that was logged before it.
/// </remarks>
internal sealed class TourConsoleFormatter : ConsoleFormatter
{
    /// <summary>The name the formatter is registered under.</summary>
    public const string FormatterName = "tour";

    /// <summary>The logger category of the tour's narration.</summary>
    public const string NarrationCategory = "Tour";

    private const string RootNamespacePrefix = "Sei.Samples.Tour.";

    /// <summary>Initializes a new instance of the <see cref="TourConsoleFormatter"/> class.</summary>
    public TourConsoleFormatter()
        : base(FormatterName)
    {
    }

    /// <inheritdoc/>
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Category == NarrationCategory)
        {
            textWriter.WriteLine(message);
        }
        else
        {
            // The generated clients live under the project's root namespace; dropping it leaves "Accounts.V1.AccountsClient", which says the version.
            var category = logEntry.Category.StartsWith(RootNamespacePrefix, System.StringComparison.Ordinal)
                ? logEntry.Category[RootNamespacePrefix.Length..]
                : logEntry.Category;
            textWriter.WriteLine($"      log {Level(logEntry.LogLevel)} {category}: {message}");
        }

        if (logEntry.Exception is not null)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
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
}
