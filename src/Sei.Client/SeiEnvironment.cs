namespace Sei.Client;

/// <summary>
/// SEI's environments. A generated client knows each one's server URL from the API document's
/// <c>servers</c> (matched by description); <see cref="Default"/> uses the first server listed.
/// </summary>
public enum SeiEnvironment
{
    /// <summary>No environment chosen: <see cref="SeiClientOptions.BaseAddress"/>, the HTTP client's base address, or the document's first server.</summary>
    Default = 0,

    /// <summary>Development.</summary>
    Dev = 1,

    /// <summary>Quality assurance (test).</summary>
    Qa = 2,

    /// <summary>Pilot (user acceptance).</summary>
    Pilot = 3,

    /// <summary>Production.</summary>
    Prod = 4,
}
