namespace Sei.Client.Metadata;

/// <summary>
/// Describes a generated client as a whole, once, on its interface, so that analyzers can reason
/// about calls to any of its operations (for example the length of a GET URL) without the same
/// facts repeated on every operation.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SeiClientAttribute : Attribute
{
    /// <summary>Gets or sets the longest server URL the document lists, which bounds every operation's URL length from below.</summary>
    public string? LongestServerUrl { get; set; }
}
