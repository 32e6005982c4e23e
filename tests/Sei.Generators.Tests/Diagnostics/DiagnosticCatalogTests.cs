using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Sei.Generators.Diagnostics;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Diagnostics;

/// <summary>
/// The diagnostic catalog, its documentation pages and the analyzer release tracking files agree:
/// every descriptor has a page and a release entry with its severity, and nothing is documented that does not exist.
/// </summary>
public sealed class DiagnosticCatalogTests
{
    private static readonly Regex IdPattern = new(@"^SEI[1239]\d{3}$", RegexOptions.CultureInvariant);

    private static string DocsDirectory => Path.Combine(Paths.Docs, "diagnostics");

    private static string GeneratorDirectory => Path.Combine(Paths.RepositoryRoot, "src", "Sei.Generators");

    [Fact]
    public void Every_descriptor_has_a_page_titled_with_its_id()
    {
        var problems = new List<string>();
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var page = Path.Combine(DocsDirectory, descriptor.Id + ".md");
            if (!File.Exists(page))
            {
                problems.Add(descriptor.Id + ": no page at " + page);
                continue;
            }

            var firstLine = File.ReadLines(page).FirstOrDefault() ?? string.Empty;
            if (!firstLine.StartsWith("# " + descriptor.Id + ":", StringComparison.Ordinal))
            {
                problems.Add(descriptor.Id + ": the first line of its page is '" + firstLine + "', not '# " + descriptor.Id + ": <title>'");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_page_belongs_to_a_descriptor()
    {
        var ids = new HashSet<string>(DiagnosticDescriptors.All.Select(d => d.Id), StringComparer.Ordinal);

        var extras = Directory.GetFiles(DocsDirectory, "SEI*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !ids.Contains(name!))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

        Assert.True(extras.Count == 0, "Pages in docs/diagnostics without a descriptor in DiagnosticDescriptors.All: " + string.Join(", ", extras));
    }

    [Fact]
    public void Ids_are_unique_well_formed_and_linked_to_their_pages()
    {
        var problems = new List<string>();
        foreach (var group in DiagnosticDescriptors.All.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(group.Key + ": used by " + group.Count() + " descriptors");
        }

        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            if (!IdPattern.IsMatch(descriptor.Id))
            {
                problems.Add(descriptor.Id + ": does not match " + IdPattern);
            }

            if (descriptor.HelpLinkUri is null || !descriptor.HelpLinkUri.EndsWith(descriptor.Id + ".md", StringComparison.Ordinal))
            {
                problems.Add(descriptor.Id + ": its help link '" + descriptor.HelpLinkUri + "' does not end with '" + descriptor.Id + ".md'");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_id_is_in_the_release_tracking_files_with_its_severity()
    {
        var tracked = ReadReleaseTracking(
            Path.Combine(GeneratorDirectory, "AnalyzerReleases.Shipped.md"),
            Path.Combine(GeneratorDirectory, "AnalyzerReleases.Unshipped.md"));

        var problems = new List<string>();
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            if (!tracked.TryGetValue(descriptor.Id, out var severity))
            {
                problems.Add(descriptor.Id + ": no row in AnalyzerReleases.Shipped.md or AnalyzerReleases.Unshipped.md");
            }
            else if (!string.Equals(severity, descriptor.DefaultSeverity.ToString(), StringComparison.Ordinal))
            {
                problems.Add(descriptor.Id + ": the release tracking files say '" + severity + "', the descriptor says '" + descriptor.DefaultSeverity + "'");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_index_lists_every_id()
    {
        var rows = File.ReadAllLines(Path.Combine(DocsDirectory, "README.md"))
            .Where(line => line.TrimStart().StartsWith("|", StringComparison.Ordinal))
            .Select(Cells)
            .ToList();

        var problems = new List<string>();
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            var row = rows.FirstOrDefault(cells => cells.Count > 0 && cells[0].Contains(descriptor.Id, StringComparison.Ordinal));
            if (row is null)
            {
                problems.Add(descriptor.Id + ": no row in docs/diagnostics/README.md");
                continue;
            }

            if (!row[0].Contains("(" + descriptor.Id + ".md)", StringComparison.Ordinal))
            {
                problems.Add(descriptor.Id + ": its README.md row does not link to " + descriptor.Id + ".md");
            }

            if (!row.Contains(descriptor.DefaultSeverity.ToString(), StringComparer.Ordinal))
            {
                problems.Add(descriptor.Id + ": its README.md row does not give the severity " + descriptor.DefaultSeverity);
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Reads the rule tables of the release tracking files, oldest first, into each ID's current severity.
    /// "New Rules" and "Changed Rules" rows give the severity in the third column; "Removed Rules" rows drop the ID.
    /// </summary>
    private static Dictionary<string, string> ReadReleaseTracking(params string[] files)
    {
        var severities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.Where(File.Exists))
        {
            var removing = false;
            foreach (var line in File.ReadAllLines(file))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("###", StringComparison.Ordinal))
                {
                    removing = trimmed.Contains("Removed", StringComparison.OrdinalIgnoreCase);
                    continue;
                }

                var cells = Cells(trimmed);
                if (cells.Count < 3 || !cells[0].StartsWith("SEI", StringComparison.Ordinal))
                {
                    continue;
                }

                if (removing)
                {
                    severities.Remove(cells[0]);
                }
                else
                {
                    severities[cells[0]] = cells[2];
                }
            }
        }

        return severities;
    }

    /// <summary>Splits a Markdown table row into trimmed cells, with or without outer pipes.</summary>
    private static List<string> Cells(string row)
    {
        var text = row.Trim();
        if (text.StartsWith("|", StringComparison.Ordinal))
        {
            text = text.Substring(1);
        }

        if (text.EndsWith("|", StringComparison.Ordinal))
        {
            text = text.Substring(0, text.Length - 1);
        }

        return text.Split('|').Select(cell => cell.Trim()).ToList();
    }
}
