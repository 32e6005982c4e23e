using Sei.Testing.Engine;

namespace Sei.Testing;

/// <summary>What a test puts in place of the answers a server made from a document would give.</summary>
public sealed partial class SeiTestServer
{
    /// <summary>Gets the operations the server answers, by the names <see cref="Fail"/>, <see cref="Handle"/> and <see cref="Seed"/> take: operation IDs, else the generated methods' names.</summary>
    public IReadOnlyList<string> Operations => _dispatcher is null ? Array.Empty<string>() : _dispatcher.Document.Routes.Select(r => r.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>Answers the next requests for an operation (or for any) with a fault instead of the normal answer, or on top of it.</summary>
    /// <param name="operation">The operation (its operation ID, else the generated method's name), or <see langword="null"/> for any operation.</param>
    /// <param name="fault">The fault, such as <c>SeiFault.Envelope(503, "accounts.unavailable", transient: true) with { RetryAfter = TimeSpan.Zero }</c>.</param>
    /// <param name="times">How many requests it answers; 1 unless said.</param>
    /// <exception cref="ArgumentException">The document has no such operation.</exception>
    /// <exception cref="InvalidOperationException">The server answers with the test's own endpoints, not from a document.</exception>
    public void Fail(string? operation, SeiFault fault, int times = 1)
    {
        if (fault is null)
        {
            throw new ArgumentNullException(nameof(fault));
        }

        if (times < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(times), times, "A fault answers at least one request.");
        }

        Answers.Overrides.AddFault(operation is null ? null : Known(operation), fault, times);
    }

    /// <summary>Answers an operation with a handler of the test's instead of made-up data; requests are still checked against the document first.</summary>
    /// <param name="operation">The operation (its operation ID, else the generated method's name).</param>
    /// <param name="handler">Makes the answer, such as <c>request =&gt; SeiTestResponse.Of(new Account { AccountId = request.PathValues["accountId"], ... })</c>.</param>
    /// <exception cref="ArgumentException">The document has no such operation.</exception>
    /// <exception cref="InvalidOperationException">The server answers with the test's own endpoints, not from a document.</exception>
    public void Handle(string operation, Func<SeiTestRequest, SeiTestResponse> handler)
        => Answers.Overrides.SetHandler(Known(operation), handler ?? throw new ArgumentNullException(nameof(handler)));

    /// <summary>Makes a paged list hold these items, in this order, instead of made-up ones; its pages and cursors follow from them.</summary>
    /// <param name="operation">The paged operation (its operation ID, else the generated method's name).</param>
    /// <param name="items">The items, generated model instances (written with their own JSON contracts).</param>
    /// <exception cref="ArgumentException">The document has no such operation, or it is not a cursor-paged list.</exception>
    /// <exception cref="InvalidOperationException">The server answers with the test's own endpoints, not from a document.</exception>
    public void Seed(string operation, System.Collections.IEnumerable items)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        var name = Known(operation);
        if (Answers.Document.Routes.All(r => r.Name != name || r.Operation.Paging is null))
        {
            throw new ArgumentException("'" + operation + "' is not a cursor-paged list; seed one of: " + string.Join(", ", Answers.Document.Routes.Where(r => r.Operation.Paging is not null).Select(r => r.Name).Distinct()) + ".", nameof(operation));
        }

        var nodes = new List<System.Text.Json.Nodes.JsonNode?>();
        foreach (var item in items)
        {
            nodes.Add(item is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(item, item.GetType()));
        }

        Answers.Overrides.Seed(name, nodes);
    }

    private string Known(string operation)
    {
        if (operation is null)
        {
            throw new ArgumentNullException(nameof(operation));
        }

        return Answers.Document.Routes.Any(r => r.Name == operation)
            ? operation
            : throw new ArgumentException("The document has no operation '" + operation + "'; it has " + string.Join(", ", Operations) + ".", nameof(operation));
    }


    /// <summary>Gets the answers made from the document, for the members that name its operations.</summary>
    private Dispatcher Answers => _dispatcher ?? throw new InvalidOperationException("This server answers with the test's own endpoints; faults, handlers and seeds by operation need a server started from a document. Throw SeiProblemException from an endpoint to answer with an error.");
}
