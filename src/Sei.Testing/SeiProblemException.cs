namespace Sei.Testing;

/// <summary>One entry of the error envelope's <c>errors</c>: the field, where it travelled, and why it was refused.</summary>
/// <param name="Field">The field's name as the document spells it (<c>accountId</c>, <c>owner.name</c>, <c>Content-Type</c>).</param>
/// <param name="Location">Where it travelled: <c>path</c>, <c>query</c>, <c>header</c>, <c>cookie</c> or <c>body</c>.</param>
/// <param name="Reason">Why it was refused, in words a caller can act on.</param>
public sealed record SeiFieldError(string Field, string Location, string Reason);

/// <summary>
/// An error answer that an endpoint of the test's own raises instead of writing it: the server turns it
/// into SEI's error envelope, with the request's tracking ID, so an endpoint stays a straight line from
/// input to output (see <see cref="SeiTestServer.StartAsync(Action{Microsoft.AspNetCore.Routing.IEndpointRouteBuilder}, SeiTestServerOptions?, System.Threading.CancellationToken)"/>).
/// </summary>
public sealed class SeiProblemException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SeiProblemException"/> class.</summary>
    /// <param name="status">The HTTP status to answer with.</param>
    /// <param name="code">SEI's dotted error code, such as <c>accounts.account.not_found</c>.</param>
    /// <param name="message">The reason, for people.</param>
    /// <param name="errors">The fields that were wrong, if any.</param>
    /// <param name="transient">Whether the same request may succeed if sent again unchanged.</param>
    public SeiProblemException(int status, string code, string message, IReadOnlyList<SeiFieldError>? errors = null, bool transient = false)
        : base(message)
    {
        Status = status;
        Code = code ?? throw new ArgumentNullException(nameof(code));
        Errors = errors ?? Array.Empty<SeiFieldError>();
        Transient = transient;
    }

    /// <summary>Gets the HTTP status to answer with.</summary>
    public int Status { get; }

    /// <summary>Gets SEI's dotted error code.</summary>
    public string Code { get; }

    /// <summary>Gets the fields that were wrong.</summary>
    public IReadOnlyList<SeiFieldError> Errors { get; }

    /// <summary>Gets a value indicating whether the same request may succeed if sent again unchanged.</summary>
    public bool Transient { get; }

    /// <summary>Creates the 404 of a resource that does not exist, with the code <c>{product}.{resource}.not_found</c>.</summary>
    /// <param name="product">The product's code prefix, such as <c>accounts</c>.</param>
    /// <param name="resource">The resource's kind, such as <c>account</c>.</param>
    /// <param name="id">The identifier the caller asked for.</param>
    /// <returns>The problem, for the endpoint to throw.</returns>
    public static SeiProblemException NotFound(string product, string resource, string id)
        => new(404, product + "." + resource + ".not_found", "No " + resource.Replace('_', ' ') + " with the identifier '" + id + "' exists.");

    /// <summary>Creates the 400 of a request whose fields failed validation, with the code <c>{product}.request.validation</c>.</summary>
    /// <param name="product">The product's code prefix, such as <c>accounts</c>.</param>
    /// <param name="errors">The fields that were wrong.</param>
    /// <returns>The problem, for the endpoint to throw.</returns>
    public static SeiProblemException Validation(string product, IReadOnlyList<SeiFieldError> errors)
        => new(400, product + ".request.validation", "One or more fields are invalid.", errors);
}
