namespace Sei.Client;

/// <summary>What a server variable stands for, as the generator read it from the API document.</summary>
public enum SeiServerVariableRole
{
    /// <summary>Any other variable; its value comes from <see cref="SeiClientOptions.ServerVariables"/>, else the document's default.</summary>
    Other = 0,

    /// <summary>The variable selects the SEI environment: <see cref="SeiClientOptions.Environment"/> sets it.</summary>
    Environment = 1,

    /// <summary>The variable is the port and allows SEI's mutual-TLS port 444: <see cref="SeiClientOptions.UseMutualTlsPort"/> sets it.</summary>
    MutualTlsPort = 2,
}

/// <summary>
/// A variable of a server URL template (<c>https://{environment}.api.example.com:{port}</c>): its
/// default, the values the document allows, and, for the environment variable, the value of each
/// SEI environment.
/// </summary>
public sealed class SeiServerVariable
{
    private static readonly IReadOnlyDictionary<SeiEnvironment, string> NoEnvironments = new Dictionary<SeiEnvironment, string>();

    /// <summary>Initializes a new instance of the <see cref="SeiServerVariable"/> class for a variable with no special role.</summary>
    /// <param name="name">The variable's name, as the URL template spells it between braces.</param>
    /// <param name="defaultValue">The document's default value.</param>
    /// <param name="values">The values the document allows (its <c>enum</c>); none means any value.</param>
    public SeiServerVariable(string name, string defaultValue, params string[] values)
        : this(name, defaultValue, values, SeiServerVariableRole.Other, NoEnvironments)
    {
    }

    private SeiServerVariable(string name, string defaultValue, IEnumerable<string>? values, SeiServerVariableRole role, IReadOnlyDictionary<SeiEnvironment, string> environmentValues)
    {
        Name = string.IsNullOrEmpty(name) ? throw new ArgumentException("A server variable needs a name.", nameof(name)) : name;
        Default = defaultValue ?? throw new ArgumentNullException(nameof(defaultValue));
        Values = (values ?? Enumerable.Empty<string>()).ToArray();
        Role = role;
        EnvironmentValues = environmentValues;
    }

    /// <summary>Gets the variable's name.</summary>
    public string Name { get; }

    /// <summary>Gets the document's default value.</summary>
    public string Default { get; }

    /// <summary>Gets the values the document allows; empty when it allows any value.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Gets what the variable stands for.</summary>
    public SeiServerVariableRole Role { get; }

    /// <summary>Gets, for the environment variable, the value that selects each SEI environment this server serves.</summary>
    public IReadOnlyDictionary<SeiEnvironment, string> EnvironmentValues { get; }

    /// <summary>Creates the variable that selects the SEI environment.</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="defaultValue">The document's default value.</param>
    /// <param name="values">The values the document allows.</param>
    /// <param name="dev">The value that selects Dev, or <see langword="null"/> when this server does not serve it.</param>
    /// <param name="qa">The value that selects QA, or <see langword="null"/>.</param>
    /// <param name="pilot">The value that selects Pilot, or <see langword="null"/>.</param>
    /// <param name="prod">The value that selects Prod, or <see langword="null"/>.</param>
    /// <returns>The variable.</returns>
    public static SeiServerVariable ForEnvironments(string name, string defaultValue, IEnumerable<string>? values, string? dev = null, string? qa = null, string? pilot = null, string? prod = null)
    {
        var environments = new Dictionary<SeiEnvironment, string>();
        void Add(SeiEnvironment environment, string? value)
        {
            if (value is not null)
            {
                environments[environment] = value;
            }
        }

        Add(SeiEnvironment.Dev, dev);
        Add(SeiEnvironment.Qa, qa);
        Add(SeiEnvironment.Pilot, pilot);
        Add(SeiEnvironment.Prod, prod);
        return new SeiServerVariable(name, defaultValue, values, SeiServerVariableRole.Environment, environments);
    }

    /// <summary>Creates the port variable whose values include SEI's mutual-TLS port 444.</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="defaultValue">The document's default value.</param>
    /// <param name="values">The values the document allows.</param>
    /// <returns>The variable.</returns>
    public static SeiServerVariable ForMutualTlsPort(string name, string defaultValue, params string[] values)
        => new(name, defaultValue, values, SeiServerVariableRole.MutualTlsPort, NoEnvironments);

    /// <summary>Returns whether the document allows a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when the document lists the value or allows any.</returns>
    public bool Allows(string value) => Values.Count == 0 || Values.Contains(value, StringComparer.Ordinal);
}

/// <summary>
/// A value for one server variable, as the generated client's <c>ServerVariables</c> members offer
/// them; pass it to <see cref="SeiClientOptions.SetServerVariable"/>.
/// </summary>
public sealed class SeiServerVariableValue
{
    /// <summary>Initializes a new instance of the <see cref="SeiServerVariableValue"/> class.</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="value">The value; it is checked against the document's values when the server URL is resolved.</param>
    public SeiServerVariableValue(string name, string value)
    {
        Name = string.IsNullOrEmpty(name) ? throw new ArgumentException("A server variable needs a name.", nameof(name)) : name;
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Gets the variable's name.</summary>
    public string Name { get; }

    /// <summary>Gets the value.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override string ToString() => Name + "=" + Value;
}
