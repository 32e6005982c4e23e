using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>
/// Groups of diagnostic IDs that tests assert as one: "nothing was mapped weaker than the document
/// says" and "no layout was left to the common reading". Each rule has its own ID, so a test that
/// means a whole family names it here rather than listing IDs that drift as rules are split.
/// </summary>
internal static class DiagnosticFamilies
{
    /// <summary>The cells of the specification's style table it leaves undefined, one ID each.</summary>
    public static readonly IReadOnlySet<string> UndefinedLayout = new HashSet<string> { "SEI2009", "SEI2033", "SEI2034", "SEI2035", "SEI2036" };

    /// <summary>Whether a diagnostic says that something was generated weaker than the document says.</summary>
    public static bool IsMapping(Diagnostic diagnostic) => diagnostic.Descriptor.Category == "Sei.Mapping";
}
