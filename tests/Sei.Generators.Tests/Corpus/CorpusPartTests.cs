using System;
using System.Linq;
using System.Threading;
using Sei.Generators.Model;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Corpus;

/// <summary>
/// Part of each real-world document, every fifth operation chosen by its method and path, builds a
/// model that is a part of the whole document's: the operations chosen, mapped as in the whole model
/// (less the link helpers to operations left out), and types declared exactly as there, a base knowing
/// no derived type the whole model's does not. That is what lets a project widen its patterns later
/// without its code changing meaning.
/// </summary>
public sealed class CorpusPartTests
{
    [Theory]
    [MemberData(nameof(CorpusTests.Documents), MemberType = typeof(CorpusTests))]
    public void Every_fifth_operation_builds_a_part_of_the_whole_model(string fileName)
    {
        var path = GeneratorHarness.ProjectDirectory + "corpus/" + fileName;
        var text = CorpusDocuments.ReadText(fileName);
        var whole = SeiClientGenerator.ReadAndBuild(new SpecInput(path, text, null, null, "Consumer", GeneratorHarness.ProjectDirectory), CancellationToken.None).Model;
        if (whole is null || whole.Operations.IsEmpty)
        {
            return;
        }

        // A path that holds ';' cannot be written as one entry; the others are written as a project file would hold them.
        var chosen = whole.Operations.Where((operation, index) => index % 5 == 0 && operation.Path.IndexOf(';') < 0).ToList();
        var include = string.Join(";\n", chosen.Select(operation => operation.HttpMethod + " " + operation.Path));
        var result = SeiClientGenerator.ReadAndBuild(new SpecInput(path, text, null, null, "Consumer", GeneratorHarness.ProjectDirectory, include), CancellationToken.None);

        Assert.NotNull(result.Model);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "SEI2010" or "SEI2011" or "SEI9001");
        Assert.Empty(chosen.Select(o => o.HttpMethod + " " + o.Path).Except(result.Model!.Operations.Select(o => o.HttpMethod + " " + o.Path)));
        var differences = ModelGraph.DifferencesFromWhole(result.Model, whole);
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20)));
        Assert.True(result.Model.Types.Count <= whole.Types.Count);
    }
}
