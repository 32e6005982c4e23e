using Xunit;

namespace Sei.Generators.Tests.Corpus;

/// <summary>
/// The test classes that call the corpus clients <see cref="CorpusBehaviourTests"/> compiles and loads
/// once: one collection, so that no two of them reflect over one loaded client at the same time (a
/// full run once failed inside Assembly.GetTypes when two did).
/// </summary>
[CollectionDefinition(Name)]
public sealed class CorpusClients
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Corpus clients";
}
