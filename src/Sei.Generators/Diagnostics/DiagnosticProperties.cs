namespace Sei.Generators.Diagnostics;

/// <summary>
/// Names of the properties analyzers attach to their diagnostics for the code fixes to read. The
/// code-fix assembly links this file, so the names cannot drift apart.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>On SEI3002: the method name of the POST search operation the document offers for the GET.</summary>
    public const string SearchOperation = "SearchOperation";
}
