using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sei.Testing;

/// <summary>A log entry written by a client that <see cref="SeiTestServer.CreateClient{TClient}(Func{System.Net.Http.HttpClient, Sei.Client.SeiClientOptions, ILoggerFactory, TClient}, Action{Sei.Client.SeiClientOptions})"/> made, for a test's assertions (that tracking IDs are logged, for one).</summary>
/// <param name="Category">The logger's category, such as the client's type name.</param>
/// <param name="Level">The entry's level.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
public sealed record SeiRecordedLog(string Category, LogLevel Level, string Message, Exception? Exception);

/// <summary>Loggers that keep every entry in memory, in order, for <see cref="SeiTestServer.Logs"/>.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<SeiRecordedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, Entries);

    public void AddProvider(ILoggerProvider provider)
    {
        // Entries are kept here; the providers of an application have no place in a test's server.
    }

    public void Dispose()
    {
        // Nothing to release: the entries stay readable after the server stops.
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<SeiRecordedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter is not null && IsEnabled(logLevel))
            {
                entries.Enqueue(new SeiRecordedLog(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
