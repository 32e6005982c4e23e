using System;
using System.IO;
using Xunit;

namespace Sei.Packaging.Tests.Infrastructure;

/// <summary>
/// Packs Sei.Client, Sei.Generators and Sei.Testing once into a folder feed, in a temporary folder outside the
/// repository (so the repository's Directory.Build.props and central versions do not reach the
/// consumers). The version gets a unique prerelease suffix, and consumers restore into their own
/// packages folder with the machine's global folder as a read-only fallback: a stale copy of the
/// package can never be picked up, and nothing already on the machine is downloaded again.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        Root = Path.Combine(Path.GetTempPath(), "sei-package-tests", stamp + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Feed = Path.Combine(Root, "feed");
        Version = Repository.Version + "-test." + stamp;
        Directory.CreateDirectory(Feed);

        ClientPack = Pack("src/Sei.Client/Sei.Client.csproj");
        GeneratorsPack = Pack("src/Sei.Generators/Sei.Generators.csproj");
        TestingPack = Pack("src/Sei.Testing/Sei.Testing.csproj");

        File.WriteAllText(Path.Combine(Root, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="packages" />
              </config>
              <packageSources>
                <add key="sei-test-feed" value="feed" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{Repository.GlobalPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);

        // Stop MSBuild's upward search here: a consumer sees only what a user's project would.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        Consumers = new Lazy<ConsumerBuild>(() => ConsumerBuild.Run(this));
    }

    /// <summary>The temporary folder that holds the feed, the packages folder and the consumers.</summary>
    public string Root { get; }

    /// <summary>The folder feed the packages are packed into.</summary>
    public string Feed { get; }

    /// <summary>The version the packages were packed with.</summary>
    public string Version { get; }

    public CommandResult ClientPack { get; }

    public CommandResult GeneratorsPack { get; }

    public CommandResult TestingPack { get; }

    public string GeneratorsPackage => Path.Combine(Feed, "Sei.Generators." + Version + ".nupkg");

    public string ClientPackage => Path.Combine(Feed, "Sei.Client." + Version + ".nupkg");

    /// <summary>The consumer projects, built together the first time a test asks.</summary>
    public Lazy<ConsumerBuild> Consumers { get; }

    public void Dispose()
    {
        // Left in place when asked, to look at what was built.
        if (Environment.GetEnvironmentVariable("SEI_KEEP_PACKAGE_TESTS") is not "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private CommandResult Pack(string project)
        => DotNet.Run(Repository.Root, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-p:ContinuousIntegrationBuild=true", "-nodeReuse:false");
}

/// <summary>The package tests share one feed and run one after another: each is a real build, and the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "Package";
}
