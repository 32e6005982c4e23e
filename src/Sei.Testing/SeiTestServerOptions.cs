using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Sei.Testing;

/// <summary>How an <see cref="SeiTestServer"/> is reached.</summary>
public enum SeiTestTransport
{
    /// <summary>In memory: no port, no socket; clients reach it through <see cref="SeiTestServer.CreateHttpClient"/>. Tests run in parallel freely.</summary>
    InMemory = 0,

    /// <summary>Over TCP on a free port of 127.0.0.1, for code under test that needs a URL (a process of its own, a configured base address).</summary>
    Loopback = 1,
}

/// <summary>How an <see cref="SeiTestServer"/> behaves.</summary>
public sealed class SeiTestServerOptions
{
    /// <summary>Gets or sets the seed of the made-up data: the same seed gives the same values on every run and machine. The default is 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets how the server is reached. The default is <see cref="SeiTestTransport.InMemory"/>.</summary>
    public SeiTestTransport Transport { get; set; } = SeiTestTransport.InMemory;

    /// <summary>Gets or sets how many items every cursor-paged list holds. The default is 25.</summary>
    public int ListLength { get; set; } = 25;

    /// <summary>Gets or sets the page size when a request does not send <c>limit</c>. The default is 10.</summary>
    public int PageSize { get; set; } = 10;

    /// <summary>
    /// Gets or sets how many requests the server takes per <see cref="QuotaWindow"/> before it refuses
    /// the rest as SEI's gateway does (429, <c>gateway.quota.exceeded</c>, <c>Retry-After</c> until the
    /// window ends), or <see langword="null"/> for no quota. The default is none.
    /// </summary>
    public int? QuotaLimit { get; set; }

    /// <summary>Gets or sets the quota's window. The default is one second.</summary>
    public TimeSpan QuotaWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets a value indicating whether API calls need a bearer token from the server's token
    /// endpoint (<c>POST /oauth/v1/token</c>), refused without one as SEI's gateway refuses them (401,
    /// <c>gateway.authentication.failure</c>). The token endpoint answers either way. The default is <see langword="false"/>.
    /// </summary>
    public bool RequireAuthentication { get; set; }

    /// <summary>Gets or sets the app key the token endpoint accepts (as the HTTP Basic user, or as <c>client_id</c>).</summary>
    public string AppKey { get; set; } = "sei-test-app-key";

    /// <summary>Gets or sets the app secret the token endpoint accepts for <see cref="AppKey"/>.</summary>
    public string AppSecret { get; set; } = "sei-test-app-secret";

    /// <summary>Gets or sets the user name the password grant accepts; the authorize endpoint signs this user in at once.</summary>
    public string UserName { get; set; } = "sei-test-user";

    /// <summary>Gets or sets the password the password grant accepts for <see cref="UserName"/>.</summary>
    public string UserPassword { get; set; } = "sei-test-user-password";

    /// <summary>Gets or sets how long issued access tokens live. The default is one hour; <see cref="SeiTestServer.ExpireTokens"/> ends them early.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how the server serves HTTPS over <see cref="SeiTestTransport.Loopback"/> (its
    /// certificate, and whether it asks for a client certificate, as SEI's two-way TLS does), or
    /// <see langword="null"/> to serve plain HTTP. Not used in memory.
    /// </summary>
    public Action<HttpsConnectionAdapterOptions>? ConfigureHttps { get; set; }
}
