namespace Sei.Generators.Model;

/// <summary>
/// One document to generate from, with its per-file and project-wide settings. Compared by value
/// (path, text and settings), so an unchanged document is neither read nor built again, and a
/// changed setting (a new <c>SeiInclude</c> pattern, say) builds it again.
/// </summary>
/// <param name="Path">The document's path.</param>
/// <param name="Text">Its text.</param>
/// <param name="NamespaceOverride">The <c>SeiNamespace</c> metadata, if any.</param>
/// <param name="ClientNameOverride">The <c>SeiClientName</c> metadata, if any.</param>
/// <param name="RootNamespace">The project's root namespace.</param>
/// <param name="ProjectDirectory">The project's directory, if known.</param>
/// <param name="Include">The <c>SeiInclude</c> metadata as written, if any: the operations to generate (see <c>OperationSelection</c>).</param>
/// <param name="Exclude">The <c>SeiExclude</c> metadata as written, if any: the operations to leave out.</param>
internal sealed record SpecInput(
    string Path,
    string Text,
    string? NamespaceOverride,
    string? ClientNameOverride,
    string RootNamespace,
    string? ProjectDirectory,
    string? Include = null,
    string? Exclude = null);

/// <summary>What reading and building one document produced: a model (unless it could not be built) and the diagnostics, as data.</summary>
internal sealed record BuildResult(ClientModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, ApiSurface? Surface = null, DocumentTitle? Title = null);

/// <summary>Where a document's <c>info.title</c> stands, whence its namespace: the place a namespace conflict is shown.</summary>
internal sealed record DocumentTitle(string Path, SourceSpan Span);
