using System;
using System.IO;
using System.Linq;
using Sei.Packaging.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Packaging.Tests;

/// <summary>
/// Projects that reference Sei.Generators by PackageReference only, built with the real
/// <c>dotnet build</c>: a net10.0 app, a net8.0 library, a net48 library, one with warnings as
/// errors and documentation required, one AOT-compatible with IL2026/IL3050 as errors. Each
/// generates from all five of the repository's specs.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerBuildTests(PackageFeed feed)
{
    public static TheoryData<string> Consumers => new(Consumer.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Consumers))]
    public void Each_consumer_builds_from_the_package_alone_without_a_warning(string name)
    {
        Assert.True(feed.GeneratorsPack.ExitCode == 0, feed.GeneratorsPack.Describe());
        var consumer = Consumer.All.Single(c => c.Name == name);
        var build = feed.Consumers.Value;

        var problems = build.ProblemsOf(consumer);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(File.Exists(build.OutputAssembly(consumer)), build.Result.Describe());

        // Three files per document, all five documents, from the analyzer the package brought.
        var generated = Directory.GetFiles(Path.Combine(feed.Root, name, "obj"), "*.g.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains("Sei.Generators.SeiClientGenerator", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();
        foreach (var spec in new[] { "accounts.v1.yaml", "accounts.v2.yaml", "payments.v1.yaml", "legacy-notes.v1.json", "catalog.v1.yaml" })
        {
            foreach (var part in new[] { "Models", "Serialization", "Client" })
            {
                Assert.Contains("specs_" + spec + "." + part + ".g.cs", generated);
            }
        }

        var assets = File.ReadAllText(Path.Combine(feed.Root, name, "obj", "project.assets.json"));
        Assert.Contains("\"Sei.Generators/" + feed.Version + "\"", assets, StringComparison.Ordinal);
        Assert.Contains("\"Sei.Client/" + feed.Version + "\"", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("ProjectReference", File.ReadAllText(build.ProjectPath(consumer)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_built_from_the_package_pages_and_reads_from_a_real_server()
    {
        var build = feed.Consumers.Value;
        Assert.True(build.ProblemsOf(Consumer.App).Count == 0, build.Result.Describe());
        using var server = new LoopbackServer(request => request.RawUrl switch
        {
            var url when url.StartsWith("/v1/accounts?", StringComparison.Ordinal) && url.Contains("after=QUNDLTI%3D", StringComparison.Ordinal)
                => (200, Page(Account("ACC-3", "Three")), "application/json"),
            var url when url.StartsWith("/v1/accounts?", StringComparison.Ordinal)
                => (200, Page(Account("ACC-1", "One") + "," + Account("ACC-2", "Two"), "before=&after=QUNDLTI="), "application/json"),
            "/v2/accounts/ACC-1" => (200, Account("ACC-1", "Dana Whitfield", displayName: true), "application/json"),
            _ => (404, """{"code":"NOT_FOUND","message":"No such resource.","transient":false}""", "application/json"),
        });

        var run = DotNet.Run(Path.GetDirectoryName(build.OutputAssembly(Consumer.App))!, build.OutputAssembly(Consumer.App), server.BaseAddress.ToString());

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("open accounts: 3; display name: Dana Whitfield", run.Output, StringComparison.Ordinal);
        Assert.Contains(LoopbackServer.TrackingId, run.Output, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests.Take(2), r => Assert.Contains("status=OPEN", r.RawUrl, StringComparison.Ordinal));
    }

    private static string Page(string items, string? next = null)
        => "{\"data\":[" + items + "],\"paging\":{\"limit\":2,\"next\":" + (next is null ? "null" : "\"" + next + "\"") + "}}";

    private static string Account(string id, string name, bool displayName = false)
        => "{\"accountId\":\"" + id + "\",\"status\":\"OPEN\",\"type\":\"INDIVIDUAL\",\"balance\":{\"amount\":10.5,\"currency\":\"USD\"},"
            + "\"owner\":{\"name\":\"" + name + "\"},\"createdAt\":\"2024-01-02T03:04:05Z\",\"href\":\"https://api.example.com/v1/accounts/" + id + "\""
            + (displayName ? ",\"displayName\":\"" + name + "\"" : string.Empty) + "}";
}
