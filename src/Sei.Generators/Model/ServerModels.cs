namespace Sei.Generators.Model;

/// <summary>SEI's environments, as the runtime's <c>SeiEnvironment</c> names them.</summary>
internal enum DeploymentEnvironment
{
    Dev,
    Qa,
    Pilot,
    Prod,
}

/// <summary>What a server variable stands for.</summary>
internal enum ServerVariableRole
{
    /// <summary>Any other variable: a typed option of the generated client.</summary>
    Other,

    /// <summary>Its values name SEI environments, so the environment option sets it.</summary>
    Environment,

    /// <summary>A port variable that allows SEI's mutual-TLS port 444, so the mutual-TLS option sets it.</summary>
    MutualTlsPort,
}

/// <summary>A variable of a server URL template.</summary>
internal sealed record ServerVariableModel(string Name, string Default, EquatableArray<string> Values, string? Description, ServerVariableRole Role);

/// <summary>An environment a server serves: as it stands (<see cref="VariableValue"/> null), or with its environment variable set to a value.</summary>
internal sealed record EnvironmentAssignment(DeploymentEnvironment Environment, string? VariableValue);

/// <summary>
/// A server the document lists: its URL (a template when it has variables), its description, its
/// variables, and the environments it serves. Each environment is served by at most one server of a
/// document; Building decides which.
/// </summary>
internal sealed record ServerModel(string Url, string? Description, EquatableArray<ServerVariableModel> Variables, EquatableArray<EnvironmentAssignment> Environments);

/// <summary>One allowed value of a server variable, with the C# member that names it.</summary>
internal sealed record ServerVariableValueModel(string MemberName, string Value);

/// <summary>
/// A server variable the application sets itself (neither the environment nor the port variable),
/// as a typed option: a class of the generated client named <see cref="ClassName"/>, with a member per
/// allowed value, or a factory when the document allows any value.
/// </summary>
internal sealed record ServerVariableOptionModel(string ClassName, string VariableName, string Default, string? Description, EquatableArray<ServerVariableValueModel> Values);
