using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Sei.Packaging.Tests.Infrastructure;
using Xunit;

namespace Sei.Packaging.Tests;

/// <summary>
/// <c>SeiInclude</c> and <c>SeiExclude</c> set in a real consumer's project file, in the element form
/// with one entry a line, reach the generator through the package's build/Sei.Generators.props intact
/// (';', '#' and line breaks, which the compiler's options file cannot carry as written), and a
/// changed pattern regenerates the client on the next incremental build.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PartialDocumentBuildTests(PackageFeed feed)
{
    private static readonly Consumer Partial = new("Partial", "net10.0", false, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>$(WarningsNotAsErrors);SEI2011</WarningsNotAsErrors>");

    private const string Usage = """
        namespace Consumer
        {
            /// <summary>Uses the three operations the project selects.</summary>
            public static class Usage
            {
                /// <summary>Calls them.</summary>
                /// <param name="accounts">The client.</param>
                /// <returns>A task.</returns>
                public static async System.Threading.Tasks.Task RunAsync(Accounts.V1.AccountsClient accounts)
                {
                    await accounts.GetAccountAsync("ACC-1");
                    await accounts.ListAccountHoldersPageAsync("ACC-1");
                    await accounts.ListAccountsPageAsync();
                }
            }
        }
        """;

    private static string Item(string include) => $"""
        <AdditionalFiles Include="specs/accounts.v1.yaml">
              <SeiInclude>
                {include}
                tag:Account Holders
              </SeiInclude>
              <SeiExclude>GET /v1/accounts/search#nothing; DELETE /**</SeiExclude>
            </AdditionalFiles>
        """;

    [Fact]
    public void Patterns_in_the_project_file_choose_the_operations_and_a_changed_pattern_regenerates_the_client()
    {
        Assert.True(feed.GeneratorsPack.ExitCode == 0, feed.GeneratorsPack.Describe());
        ConsumerBuild.Write(feed, Partial, Usage, spec => spec == "accounts.v1.yaml");
        var folder = Path.Combine(feed.Root, Partial.Name);
        var project = Path.Combine(folder, Partial.Name + ".csproj");
        var wildcard = "<AdditionalFiles Include=\"specs/*.yaml;specs/*.json\" />";
        Assert.Contains(wildcard, File.ReadAllText(project), StringComparison.Ordinal);
        File.WriteAllText(project, File.ReadAllText(project).Replace(wildcard, Item("GET /v1/accounts/{id}; op:listAccounts"), StringComparison.Ordinal));

        var first = Build(folder);
        Assert.True(first.ExitCode == 0, first.Describe());
        var client = Generated(folder, "Client");
        foreach (var method in new[] { "GetAccountAsync(", "ListAccountsAsync(", "ListAccountHoldersAsync(" })
        {
            Assert.Contains(method, client, StringComparison.Ordinal);
        }

        foreach (var method in new[] { "CreateAccountAsync(", "DeleteAccountAsync(", "SearchAccountsAsync(", "UploadAccountDocumentAsync(" })
        {
            Assert.DoesNotContain(method, client, StringComparison.Ordinal);
        }

        // The exclude pattern with '#' matched nothing, and the diagnostic quotes it whole: nothing was cut on the way.
        var unmatched = Assert.Single(Results(Path.Combine(folder, "build.sarif")), r => r.RuleId == "SEI2011");
        Assert.Contains("The SeiExclude pattern 'GET /v1/accounts/search#nothing' matches no operation of 'accounts.v1.yaml'", unmatched.Message, StringComparison.Ordinal);
        Assert.EndsWith("specs/accounts.v1.yaml", unmatched.Uri, StringComparison.Ordinal);
        Assert.DoesNotContain(Results(Path.Combine(folder, "build.sarif")), r => r.RuleId == "SEI2010");

        File.WriteAllText(project, File.ReadAllText(project).Replace("op:listAccounts", "op:listAccounts; op:createAccount", StringComparison.Ordinal));
        var second = Build(folder);
        Assert.True(second.ExitCode == 0, second.Describe());
        Assert.Contains("CreateAccountAsync(", Generated(folder, "Client"), StringComparison.Ordinal);
    }

    private static CommandResult Build(string folder) => DotNet.Run(folder, "build", "-c", "Release", "-nodeReuse:false");

    private static string Generated(string folder, string kind)
        => File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "obj"), "specs_accounts.v1.yaml." + kind + ".g.cs", SearchOption.AllDirectories).Single());

    /// <summary>The compiler's SARIF results for SEI diagnostics.</summary>
    private static (string RuleId, string Message, string Uri)[] Results(string sarif)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        return document.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Where(result => result.GetProperty("ruleId").GetString()?.StartsWith("SEI", StringComparison.Ordinal) == true)
            .Select(result => (
                result.GetProperty("ruleId").GetString() ?? string.Empty,
                result.GetProperty("message").GetProperty("text").GetString() ?? string.Empty,
                result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() ?? string.Empty))
            .ToArray();
    }
}
