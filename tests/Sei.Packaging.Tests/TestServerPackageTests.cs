using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Sei.Packaging.Tests.Infrastructure;
using Xunit;

namespace Sei.Packaging.Tests;

/// <summary>
/// Sei.Testing consumed as a user's test project consumes it: a net10.0 program that references the
/// Sei.Generators and Sei.Testing packages only, generates its client from a spec, starts the test
/// server from the same spec (copied to its output), and calls it in memory, over loopback TCP, and
/// with OAuth tokens from the server's token endpoint.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class TestServerPackageTests(PackageFeed feed)
{
    private const string Program = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Consumer.Accounts.V1;
        using Microsoft.Extensions.Logging;
        using Sei.Client;
        using Sei.Testing;

        public static class Program
        {
            public static async Task<int> Main()
            {
                foreach (var transport in new[] { SeiTestTransport.InMemory, SeiTestTransport.Loopback })
                {
                    await using var server = await SeiTestServer.StartAsync("specs/accounts.v1.yaml", new SeiTestServerOptions { Transport = transport, ListLength = 12 });
                    IAccountsClient accounts = server.CreateClient((http, options, loggers) => new AccountsClient(http, options, loggers.CreateLogger<AccountsClient>()));
                    var account = await accounts.GetAccountAsync("ACC-9");
                    var walked = 0;
                    await foreach (var item in accounts.ListAccountsAsync(limit: 5))
                    {
                        walked++;
                    }

                    server.Fail("getAccount", SeiFault.Envelope(503, "accounts.unavailable", transient: true) with { RetryAfter = TimeSpan.Zero });
                    var retried = await accounts.GetAccountAsync("ACC-9");
                    var logged = server.Logs.Any(l => l.Message.Contains(account.TrackingId!));
                    Console.WriteLine(transport + ": " + account.Value.AccountId + " " + walked + " " + string.Join(",", server.Requests.Select(r => r.Status)) + " logged:" + logged);
                }

                // SEI's OAuth: the client asks the server's token endpoint for a token with the server's own key and secret.
                await using var secured = await SeiTestServer.StartAsync("specs/accounts.v1.yaml", new SeiTestServerOptions { RequireAuthentication = true });
                var authorized = secured.CreateClient(AccountsClient.Api, (http, options, loggers) => new AccountsClient(http, options, loggers.CreateLogger<AccountsClient>()));
                var owned = await authorized.GetAccountAsync("ACC-3");
                Console.WriteLine("OAuth: " + owned.Value.AccountId + " tokens:" + secured.TokenRequests);
                return 0;
            }
        }
        """;

    [Fact]
    public void A_program_built_from_the_packages_starts_the_server_and_calls_it_both_ways()
    {
        Assert.True(feed.TestingPack.ExitCode == 0, feed.TestingPack.Describe());
        Assert.True(feed.GeneratorsPack.ExitCode == 0, feed.GeneratorsPack.Describe());
        var folder = Path.Combine(feed.Root, "ServerTests");
        Directory.CreateDirectory(Path.Combine(folder, "specs"));
        File.Copy(Path.Combine(Repository.Specs, "accounts.v1.yaml"), Path.Combine(folder, "specs", "accounts.v1.yaml"), overwrite: true);
        File.WriteAllText(Path.Combine(folder, "ServerTests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>Consumer</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Sei.Generators" Version="{feed.Version}" />
                <PackageReference Include="Sei.Testing" Version="{feed.Version}" />
              </ItemGroup>
              <ItemGroup>
                <AdditionalFiles Include="specs/accounts.v1.yaml" />
                <None Include="specs/accounts.v1.yaml" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);

        var build = DotNet.Run(folder, "build", "-c", "Release", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.Describe());
        var output = Path.Combine(folder, "bin", "Release", "net10.0");
        var run = DotNet.Run(output, "ServerTests.dll");

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("InMemory: ACC-9 12 200,200,200,200,503,200 logged:True", run.Output, StringComparison.Ordinal);
        Assert.Contains("Loopback: ACC-9 12 200,200,200,200,503,200 logged:True", run.Output, StringComparison.Ordinal);
        Assert.Contains("OAuth: ACC-3 tokens:1", run.Output, StringComparison.Ordinal);

        // The test project compiles against Sei.Testing's reference assembly only: the generator's assembly,
        // which the server needs at run time, adds none of its public types to the user's compilation.
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "obj", "project.assets.json")));
        var testing = assets.RootElement.GetProperty("targets").GetProperty("net10.0").GetProperty("Sei.Testing/" + feed.Version);
        Assert.Equal(new[] { "ref/net8.0/Sei.Testing.dll" }, testing.GetProperty("compile").EnumerateObject().Select(p => p.Name));
        Assert.Contains("lib/net8.0/Sei.Generators.dll", testing.GetProperty("runtime").EnumerateObject().Select(p => p.Name));
    }
}
