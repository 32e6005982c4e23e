namespace Sei.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one document's client, and nothing else.
/// It must stay immutable and structurally equatable (records, strings and
/// <see cref="EquatableArray{T}"/> only): the incremental pipeline compares it with the
/// previous run's model to decide whether source must be emitted again. It holds no Roslyn
/// symbol, syntax node, compilation or location, and no source positions, so that moving a
/// line in the document changes diagnostics without re-emitting code.
/// </summary>
/// <remarks>
/// <see cref="RegistrationName"/> is the dependency-injection extension method (<c>AddAccountsClientV1</c>):
/// it carries the version so that two versions of one product, both imported, are registered
/// without ambiguity (CS0121).
/// </remarks>
internal sealed record ClientModel(
    string SourcePath,
    string HintName,
    string Namespace,
    string ClientName,
    string RegistrationName,
    string Title,
    string DocumentVersion,
    string? Description,
    string DefaultServerUrl,
    string LongestServerUrl,
    EquatableArray<ServerModel> Servers,
    EquatableArray<ServerVariableOptionModel> ServerVariableOptions,
    EquatableArray<TypeDeclaration> Types,
    EquatableArray<OperationModel> Operations,
    ApiSecurityModel Security);

/// <summary>What the document says of security: its schemes, its top-level security (null when it says nothing), and each operation whose own differs.</summary>
internal sealed record ApiSecurityModel(EquatableArray<SecuritySchemeModel> Schemes, SecurityModel? Default, EquatableArray<OperationSecurityModel> Operations);
