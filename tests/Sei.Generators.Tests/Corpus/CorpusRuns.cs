using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using Sei.Generators.Tests.Infrastructure;

namespace Sei.Generators.Tests.Corpus;

/// <summary>
/// Generator runs over corpus documents, shared by the tests that need the same document: the
/// big ones the behaviour tests call into are generated once for both the compile table and the
/// calls. The others are not kept, so the whole corpus never sits in memory at once.
/// </summary>
internal static class CorpusRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<(GeneratorRun Run, long GenerationMilliseconds)>> Shared = new(StringComparer.Ordinal);

    public static (GeneratorRun Run, long GenerationMilliseconds) Get(string fileName)
    {
        return Array.IndexOf(CorpusBehaviourTests.Called, fileName) >= 0 ? Shared.GetOrAdd(fileName, name => new Lazy<(GeneratorRun, long)>(() => Generate(name))).Value : Generate(fileName);
    }

    private static (GeneratorRun, long) Generate(string fileName)
    {
        var spec = new SpecFile(GeneratorHarness.ProjectDirectory + "corpus/" + fileName, CorpusDocuments.ReadText(fileName));
        var stopwatch = Stopwatch.StartNew();
        var run = GeneratorHarness.Run(spec);
        return (run, stopwatch.ElapsedMilliseconds);
    }
}
