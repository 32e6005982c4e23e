using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Sei.Packaging.Tests.Infrastructure;
using Xunit;

namespace Sei.Packaging.Tests;

/// <summary>
/// Regenerating by dropping in the next version of a document, with real incremental
/// <c>dotnet build</c>s of a project that uses the package: an edited v1 changes the generated
/// API, and v2 beside v1 adds its namespace and reports what it removed.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SpecVersionBumpTests(PackageFeed feed)
{
    private static readonly Consumer Bump = new("Bump", "net10.0", false, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

    private static string Usage(string call) => """
        namespace Consumer
        {
            /// <summary>Uses one operation of the document.</summary>
            public static class Usage
            {
                /// <summary>Reads an account.</summary>
                /// <param name="accounts">The client.</param>
                /// <returns>The response.</returns>
                public static System.Threading.Tasks.Task<Sei.Client.SeiResponse<Accounts.V1.Account>> ReadAsync(Accounts.V1.AccountsClient accounts)
                    => accounts.
        """ + call + """
        ("ACC-1");
            }
        }
        """;

    [Fact]
    public void An_edited_v1_changes_the_generated_API_on_an_incremental_build_and_v2_beside_it_reports_what_it_removed()
    {
        Assert.True(feed.GeneratorsPack.ExitCode == 0, feed.GeneratorsPack.Describe());
        ConsumerBuild.Write(feed, Bump, Usage("GetAccountAsync"), spec => spec == "accounts.v1.yaml");
        var folder = Path.Combine(feed.Root, Bump.Name);
        var spec = Path.Combine(folder, "specs", "accounts.v1.yaml");

        var first = Build(folder);
        Assert.True(first.ExitCode == 0, first.Describe());
        Assert.Contains("GetAccountAsync(", Generated(folder, "accounts.v1.yaml.Client"), StringComparison.Ordinal);

        // The next version of the document, dropped in: one operation renamed, one property added.
        var edited = File.ReadAllText(spec)
            .Replace("operationId: getAccount\n", "operationId: readAccount\n", StringComparison.Ordinal)
            .Replace("        accountId: { type: string, readOnly: true, maxLength: 20 }\n", "        accountId: { type: string, readOnly: true, maxLength: 20 }\n        branchCode: { type: string }\n", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(spec), edited);
        File.WriteAllText(spec, edited);

        var stale = Build(folder);
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("error CS1061", stale.Output, StringComparison.Ordinal);
        Assert.Contains("GetAccountAsync", stale.Output, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(folder, "Usage.cs"), Usage("ReadAccountAsync"));
        var second = Build(folder);
        Assert.True(second.ExitCode == 0, second.Describe());
        var client = Generated(folder, "accounts.v1.yaml.Client");
        Assert.Contains("ReadAccountAsync(", client, StringComparison.Ordinal);
        Assert.DoesNotContain("GetAccountAsync(", client, StringComparison.Ordinal);
        Assert.Contains("public string? BranchCode", Generated(folder, "accounts.v1.yaml.Models"), StringComparison.Ordinal);

        File.Copy(Path.Combine(Repository.Specs, "accounts.v2.yaml"), Path.Combine(folder, "specs", "accounts.v2.yaml"));
        var third = Build(folder);
        Assert.True(third.ExitCode == 0, third.Describe());
        Assert.Contains("namespace Consumer.Accounts.V2;", Generated(folder, "accounts.v2.yaml.Client"), StringComparison.Ordinal);
        Assert.Contains("namespace Consumer.Accounts.V1;", Generated(folder, "accounts.v1.yaml.Client"), StringComparison.Ordinal);

        var changes = Sei2008(Path.Combine(folder, "build.sarif"));
        Assert.Contains(changes, c => c.Message.Contains("removes the operation 'getAccountBalanceLegacy'", StringComparison.Ordinal) && c.Uri.EndsWith("specs/accounts.v2.yaml", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Message.Contains("removes the value \"FROZEN\" of 'AccountStatus'", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Message.Contains("removes the property 'Account.branchCode'", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.Message.Contains("adds the required query parameter 'asOf'", StringComparison.Ordinal));
    }

    private static CommandResult Build(string folder) => DotNet.Run(folder, "build", "-c", "Release", "-nodeReuse:false");

    private static string Generated(string folder, string name)
        => File.ReadAllText(Directory.GetFiles(Path.Combine(folder, "obj"), "specs_" + name + ".g.cs", SearchOption.AllDirectories).Single());

    /// <summary>The version comparison's results (SEI2008, SEI2012–2014) in the compiler's SARIF log: info diagnostics, which the console does not show.</summary>
    private static (string Message, string Uri)[] Sei2008(string sarif)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        return document.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Where(result => result.GetProperty("ruleId").GetString() is "SEI2008" or "SEI2012" or "SEI2013" or "SEI2014")
            .Select(result => (
                result.GetProperty("message").GetProperty("text").GetString() ?? string.Empty,
                result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() ?? string.Empty))
            .ToArray();
    }
}
