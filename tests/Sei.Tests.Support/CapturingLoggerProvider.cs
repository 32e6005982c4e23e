using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Sei.Tests.Support;

/// <summary>One log entry of any category, with everything a log sink could write of it.</summary>
/// <param name="Category">The logger's category.</param>
/// <param name="Level">The level.</param>
/// <param name="EventId">The event ID.</param>
/// <param name="Text">The rendered message, every structured property, every open scope (rendered and as properties) and the exception's full text.</param>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Text);

/// <summary>
/// A logging provider that keeps every entry of every category at every level, with the scopes
/// open around it, the way a real sink with scopes and structured properties on would see it.
/// Add it with <c>AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider))</c>; one
/// provider may serve several service providers (it keeps its own scopes rather than a logger factory's).
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly LoggerExternalScopeProvider _scopes = new();

    /// <summary>Gets the entries logged so far, in order.</summary>
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    /// <summary>Gets every entry's full text, one entry per line group.</summary>
    public string AllText => string.Join("\n", Entries.Select(e => e.Text));

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private static void AppendProperties(StringBuilder text, object? state)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> properties)
        {
            foreach (var property in properties)
            {
                text.Append(" | ").Append(property.Key).Append('=').Append(Render(property.Value));
            }
        }
    }

    private static string Render(object? value) => value switch
    {
        null => "(null)",
        string text => text,
        System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(Render)),
        _ => value.ToString() ?? string.Empty,
    };

    private sealed class Logger : ILogger
    {
        private readonly CapturingLoggerProvider _owner;
        private readonly string _category;

        public Logger(CapturingLoggerProvider owner, string category)
        {
            _owner = owner;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => _owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var text = new StringBuilder();
            text.Append('[').Append(_category).Append("] ").Append(logLevel).Append(' ').Append(eventId.Id).Append(' ').Append(eventId.Name).Append(": ");
            text.Append(formatter(state, exception));
            AppendProperties(text, state);
            _owner._scopes.ForEachScope(
                (scope, builder) =>
                {
                    builder.Append(" | scope: ").Append(scope?.ToString());
                    AppendProperties(builder, scope);
                },
                text);
            if (exception is not null)
            {
                text.Append(" | exception: ").Append(exception);
            }

            _owner.Entries.Enqueue(new CapturedLog(_category, logLevel, eventId, text.ToString()));
        }
    }
}
