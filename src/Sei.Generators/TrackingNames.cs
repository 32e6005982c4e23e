namespace Sei.Generators;

/// <summary>The tracking names of the pipeline's steps; tests find them by reflection and require a second run to be cached.</summary>
internal static class TrackingNames
{
    public const string Settings = nameof(Settings);
    public const string SpecInputs = nameof(SpecInputs);
    public const string BuildResults = nameof(BuildResults);
    public const string Models = nameof(Models);
    public const string TypeModels = nameof(TypeModels);
    public const string Diagnostics = nameof(Diagnostics);
    public const string SummarizedDiagnostics = nameof(SummarizedDiagnostics);
    public const string Titles = nameof(Titles);
    public const string Target = nameof(Target);
    public const string Conflicts = nameof(Conflicts);
    public const string Surfaces = nameof(Surfaces);
    public const string VersionChanges = nameof(VersionChanges);
}
