using System;

namespace Sei.Sandbox;

/// <summary>How strict the sandbox is. By default it accepts every request, so samples run without credentials.</summary>
public sealed class SandboxOptions
{
    /// <summary>Gets or sets a value indicating whether API calls need a bearer token from the sandbox's token endpoint.</summary>
    public bool RequireAuthentication { get; set; }

    /// <summary>Gets or sets the app key the token endpoint accepts.</summary>
    public string AppKey { get; set; } = "sandbox-app-key";

    /// <summary>Gets or sets the app secret the token endpoint accepts.</summary>
    public string AppSecret { get; set; } = "sandbox-app-secret";

    /// <summary>Gets or sets the user name the password grant accepts; the authorize endpoint signs this user in.</summary>
    public string UserName { get; set; } = "sandbox-user";

    /// <summary>Gets or sets the password the password grant accepts for <see cref="UserName"/>.</summary>
    public string UserPassword { get; set; } = "sandbox-user-password";

    /// <summary>Gets or sets how long issued tokens live.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets how many API calls one application may make per <see cref="QuotaWindow"/>, or <see langword="null"/> for no quota.</summary>
    public int? QuotaLimit { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the sandbox serves HTTPS and requires a client
    /// certificate issued by its own authority (<see cref="SandboxServer.Certificates"/>), as SEI's
    /// two-way TLS does for server-to-server calls.
    /// </summary>
    public bool RequireClientCertificate { get; set; }

    /// <summary>Gets or sets the quota's window; a call over the limit gets 429 with Retry-After until the window ends.</summary>
    public TimeSpan QuotaWindow { get; set; } = TimeSpan.FromSeconds(1);
}
