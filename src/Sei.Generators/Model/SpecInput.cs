namespace Sei.Generators.Model;

/// <summary>
/// One document to generate from, with its per-file and project-wide settings. Compared by value
/// (path, text and settings), so an unchanged document is neither read nor built again.
/// </summary>
internal sealed record SpecInput(
    string Path,
    string Text,
    string? NamespaceOverride,
    string? ClientNameOverride,
    string RootNamespace,
    string? ProjectDirectory);

/// <summary>What reading and building one document produced: a model (unless it could not be built) and the diagnostics, as data.</summary>
internal sealed record BuildResult(ClientModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, ApiSurface? Surface = null, DocumentTitle? Title = null);

/// <summary>Where a document's <c>info.title</c> stands, whence its namespace: the place a namespace conflict is shown.</summary>
internal sealed record DocumentTitle(string Path, SourceSpan Span);
