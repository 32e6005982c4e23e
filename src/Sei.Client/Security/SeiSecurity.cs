namespace Sei.Client;

/// <summary>
/// One OpenAPI Security Requirement Object: schemes that apply together, each with the scopes it
/// needs. An empty requirement (<c>{}</c>) lets the call go without credentials.
/// </summary>
public sealed class SeiSecurityRequirement
{
    private static readonly IReadOnlyList<string> NoScopes = Array.Empty<string>();
    private readonly KeyValuePair<string, IReadOnlyList<string>>[] _schemes;

    /// <summary>Initializes a new instance of the <see cref="SeiSecurityRequirement"/> class for one scheme.</summary>
    /// <param name="scheme">The security scheme's name.</param>
    /// <param name="scopes">The scopes the call needs (OAuth 2.0 and OpenID Connect), or roles for other schemes.</param>
    public SeiSecurityRequirement(string scheme, params string[] scopes)
        : this(new[] { Entry(scheme, scopes) })
    {
    }

    private SeiSecurityRequirement(KeyValuePair<string, IReadOnlyList<string>>[] schemes)
    {
        _schemes = schemes;
    }

    /// <summary>Gets the requirement with no scheme (<c>{}</c>): credentials are optional.</summary>
    public static SeiSecurityRequirement None { get; } = new(Array.Empty<KeyValuePair<string, IReadOnlyList<string>>>());

    /// <summary>Gets the schemes, in document order, each with its scopes.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Schemes => _schemes;

    /// <summary>Returns this requirement with one more scheme that applies together with the others.</summary>
    /// <param name="scheme">The security scheme's name.</param>
    /// <param name="scopes">Its scopes.</param>
    /// <returns>A new requirement.</returns>
    public SeiSecurityRequirement And(string scheme, params string[] scopes) => new(_schemes.Append(Entry(scheme, scopes)).ToArray());

    /// <inheritdoc/>
    public override string ToString()
        => _schemes.Length == 0 ? "{}" : string.Join(" + ", _schemes.Select(s => s.Value.Count == 0 ? s.Key : s.Key + "[" + string.Join(" ", s.Value) + "]"));

    private static KeyValuePair<string, IReadOnlyList<string>> Entry(string scheme, string[]? scopes)
        => new(
            string.IsNullOrEmpty(scheme) ? throw new ArgumentException("A security requirement names a scheme.", nameof(scheme)) : scheme,
            scopes is null || scopes.Length == 0 ? NoScopes : scopes.ToArray());
}

/// <summary>
/// The security of an operation: alternatives (any one will do), each a <see cref="SeiSecurityRequirement"/>.
/// No alternative at all (OpenAPI's <c>security: []</c>) means the operation is anonymous.
/// </summary>
public sealed class SeiSecurity
{
    private readonly SeiSecurityRequirement[] _alternatives;

    /// <summary>Initializes a new instance of the <see cref="SeiSecurity"/> class.</summary>
    /// <param name="alternatives">The requirements, any one of which will do; none means anonymous.</param>
    public SeiSecurity(params SeiSecurityRequirement[] alternatives)
    {
        _alternatives = alternatives?.ToArray() ?? Array.Empty<SeiSecurityRequirement>();
        if (_alternatives.Any(a => a is null))
        {
            throw new ArgumentException("A security alternative is null.", nameof(alternatives));
        }
    }

    /// <summary>Gets the security of an anonymous operation (<c>security: []</c>): no credentials are sent.</summary>
    public static SeiSecurity Anonymous { get; } = new();

    /// <summary>Gets the alternatives, in document order.</summary>
    public IReadOnlyList<SeiSecurityRequirement> Alternatives => _alternatives;

    /// <summary>Creates the security of the most common shape: one scheme, with the scopes it needs.</summary>
    /// <param name="scheme">The security scheme's name.</param>
    /// <param name="scopes">The scopes.</param>
    /// <returns>The security.</returns>
    public static SeiSecurity Require(string scheme, params string[] scopes) => new(new SeiSecurityRequirement(scheme, scopes));

    /// <summary>Gets a value indicating whether the operation may be called without credentials.</summary>
    public bool AllowsAnonymous => _alternatives.Length == 0 || _alternatives.Any(a => a.Schemes.Count == 0);

    /// <inheritdoc/>
    public override string ToString() => _alternatives.Length == 0 ? "anonymous" : string.Join(" | ", _alternatives.Select(a => a.ToString()));
}
