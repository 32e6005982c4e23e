using System.Linq;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Emitting;

/// <summary>One approved snapshot per generated file of the repository's specs: a change to the emitted code is always a reviewed change.</summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("accounts.v1.yaml")]
    [InlineData("accounts.v2.yaml")]
    [InlineData("payments.v1.yaml")]
    [InlineData("legacy-notes.v1.json")]
    [InlineData("catalog.v1.yaml")]
    public void Generated_files_match_their_approved_snapshots(string fileName)
    {
        var run = GeneratorHarness.Run(SpecFile.FromRepository(fileName));

        var sources = run.Result.Results.Single().GeneratedSources.Where(s => s.HintName.Contains(fileName)).OrderBy(s => s.HintName, System.StringComparer.Ordinal).ToList();
        Assert.Equal(3, sources.Count);
        foreach (var source in sources)
        {
            Approvals.Verify(source.HintName.Replace(".g.cs", string.Empty), source.SourceText.ToString());
        }
    }
}
