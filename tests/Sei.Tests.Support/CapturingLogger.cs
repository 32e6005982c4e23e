using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Sei.Tests.Support;

/// <summary>One log entry: its level, its rendered message, its structured state and the scopes around it.</summary>
/// <param name="Level">The level.</param>
/// <param name="Message">The rendered message.</param>
/// <param name="State">The structured properties of the message.</param>
/// <param name="Scopes">The rendered scopes that were open.</param>
/// <param name="ScopeProperties">The structured properties of those scopes.</param>
/// <param name="Exception">The exception logged with it, if any.</param>
public sealed record LogEntry(LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, IReadOnlyList<string> Scopes, IReadOnlyList<KeyValuePair<string, object?>> ScopeProperties, Exception? Exception);

/// <summary>A logger that keeps every entry, with its scopes, for assertions.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly AsyncLocalScopes _scopes = new();

    /// <summary>Gets the entries logged so far.</summary>
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    /// <summary>Gets every rendered message and scope, for "never appears anywhere" checks.</summary>
    public string AllText => string.Join("\n", Entries.Select(e => e.Message + " " + string.Join(" ", e.Scopes) + " " + string.Join(" ", e.State.Select(p => p.Key + "=" + p.Value)) + " " + e.Exception));

    /// <inheritdoc/>
    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull => _scopes.Push(state);

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc/>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var properties = state as IEnumerable<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
        var scopes = _scopes.Current;
        Entries.Enqueue(new LogEntry(
            logLevel,
            formatter(state, exception),
            properties.ToList(),
            scopes.Select(s => s.ToString() ?? string.Empty).ToList(),
            scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).ToList(),
            exception));
    }

    private sealed class AsyncLocalScopes
    {
        private readonly System.Threading.AsyncLocal<System.Collections.Immutable.ImmutableStack<object>> _stack = new();

        public IEnumerable<object> Current => _stack.Value ?? System.Collections.Immutable.ImmutableStack<object>.Empty;

        public IDisposable Push(object state)
        {
            var previous = _stack.Value ?? System.Collections.Immutable.ImmutableStack<object>.Empty;
            _stack.Value = previous.Push(state);
            return new Pop(this, previous);
        }

        private sealed class Pop : IDisposable
        {
            private readonly AsyncLocalScopes _owner;
            private readonly System.Collections.Immutable.ImmutableStack<object> _previous;

            public Pop(AsyncLocalScopes owner, System.Collections.Immutable.ImmutableStack<object> previous)
            {
                _owner = owner;
                _previous = previous;
            }

            public void Dispose() => _owner._stack.Value = _previous;
        }
    }
}
