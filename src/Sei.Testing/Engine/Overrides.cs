using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Sei.Testing.Engine;

/// <summary>
/// What a test put in place of the server's own answers: faults waiting for their requests, handlers
/// per operation, and seeded items per paged list. Safe to change while requests are served.
/// </summary>
internal sealed class Overrides
{
    private readonly object _gate = new();
    private readonly List<PendingFault> _faults = new();
    private readonly ConcurrentDictionary<string, Func<SeiTestRequest, SeiTestResponse>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<JsonNode?>> _seeds = new(StringComparer.Ordinal);

    public void AddFault(string? operation, SeiFault fault, int times)
    {
        lock (_gate)
        {
            _faults.Add(new PendingFault(operation, fault, times));
        }
    }

    /// <summary>The first fault waiting for this operation (or for any), counted as used.</summary>
    public SeiFault? TakeFault(string operation)
    {
        lock (_gate)
        {
            var pending = _faults.FirstOrDefault(f => f.Operation is null || f.Operation == operation);
            if (pending is null)
            {
                return null;
            }

            if (--pending.Remaining == 0)
            {
                _faults.Remove(pending);
            }

            return pending.Fault;
        }
    }

    public void SetHandler(string operation, Func<SeiTestRequest, SeiTestResponse> handler) => _handlers[operation] = handler;

    public Func<SeiTestRequest, SeiTestResponse>? HandlerFor(string operation) => _handlers.TryGetValue(operation, out var handler) ? handler : null;

    public void Seed(string operation, IReadOnlyList<JsonNode?> items) => _seeds[operation] = items;

    public IReadOnlyList<JsonNode?>? SeedOf(string operation) => _seeds.TryGetValue(operation, out var items) ? items : null;

    private sealed class PendingFault
    {
        public PendingFault(string? operation, SeiFault fault, int remaining)
        {
            Operation = operation;
            Fault = fault;
            Remaining = remaining;
        }

        public string? Operation { get; }

        public SeiFault Fault { get; }

        public int Remaining { get; set; }
    }
}
