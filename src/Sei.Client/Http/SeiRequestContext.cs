namespace Sei.Client.Http;

/// <summary>
/// What a generated client resolved for one request, carried on the <see cref="HttpRequestMessage"/>
/// for the handlers behind it: the server in use (and whether the document knows it) and the security
/// the operation requires. The authentication handlers read it; a handler of the application's own
/// (for an API key, say) can read it with <see cref="Get"/>.
/// </summary>
public sealed class SeiRequestContext
{
    private const string Key = "Sei.RequestContext";
#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<SeiRequestContext> OptionsKey = new(Key);
#endif

    private Uri? _pendingTokenEndpoint;

    internal SeiRequestContext(string operationName, SeiResolvedServer server, SeiSecurity? security)
    {
        OperationName = operationName;
        Server = server;
        Security = security;
    }

    /// <summary>Gets the operation's name.</summary>
    public string OperationName { get; }

    /// <summary>Gets the server the request goes to; a request to any other origin gets no credentials.</summary>
    public SeiResolvedServer Server { get; }

    /// <summary>Gets the security the operation requires, or <see langword="null"/> when the document says nothing.</summary>
    public SeiSecurity? Security { get; }

    /// <summary>Gets the token endpoint a handler is waiting on for this request, so that a timeout names it rather than the API.</summary>
    internal Uri? PendingTokenEndpoint => Volatile.Read(ref _pendingTokenEndpoint);

    /// <summary>Returns the context a generated client attached to a request, if any.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The context, or <see langword="null"/> for a request a generated client did not send.</returns>
    public static SeiRequestContext? Get(HttpRequestMessage request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(OptionsKey, out var context) ? context : null;
#else
        return request.Properties.TryGetValue(Key, out var value) ? value as SeiRequestContext : null;
#endif
    }

    internal void AttachTo(HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(OptionsKey, this);
#else
        request.Properties[Key] = this;
#endif
    }

    internal void WaitingForToken(Uri? tokenEndpoint) => Volatile.Write(ref _pendingTokenEndpoint, tokenEndpoint);
}
