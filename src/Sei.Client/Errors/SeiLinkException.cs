namespace Sei.Client;

/// <summary>A link could not be followed: no link has the relation asked for, its URL is not usable, or it leads to another host.</summary>
public sealed class SeiLinkException : SeiException
{
    /// <summary>Initializes a new instance of the <see cref="SeiLinkException"/> class.</summary>
    /// <param name="rel">The relation asked for, if any.</param>
    /// <param name="href">The link's URL, if one was found.</param>
    /// <param name="message">What went wrong and what to do.</param>
    public SeiLinkException(string? rel, string? href, string message)
        : base(message, null, null)
    {
        Rel = rel;
        Href = href;
    }

    /// <summary>Gets the relation asked for.</summary>
    public string? Rel { get; }

    /// <summary>Gets the link's URL, if one was found.</summary>
    public string? Href { get; }
}
