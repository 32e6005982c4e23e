namespace Sei.Client;

/// <summary>
/// A HATEOAS link as SEI returns it: <c>{ "rel": ..., "href": ... }</c>. Generated types with a
/// <c>rel</c> and an <c>href</c> implement it, so the client can follow them by relation.
/// </summary>
public interface ISeiLink
{
    /// <summary>Gets the relationship's name.</summary>
    string? Rel { get; }

    /// <summary>Gets the URL that returns the related data, absolute or relative to the API's server.</summary>
    string? Href { get; }
}
