using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sei.Packaging.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Sei.Packaging.Tests;

/// <summary>What the two packages hold: layout, metadata, symbols, and analyzer dependencies a .NET Framework compiler host can load.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentsTests(PackageFeed feed, ITestOutputHelper output)
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    [Fact]
    public void The_generator_package_holds_generator_analyzers_code_fixes_and_every_dependency_beside_them_and_no_lib()
    {
        Assert.True(feed.GeneratorsPack.ExitCode == 0, feed.GeneratorsPack.Describe());
        using var package = ZipFile.OpenRead(feed.GeneratorsPackage);
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Equal(
            new[]
            {
                "Microsoft.Bcl.AsyncInterfaces.dll", "Microsoft.OpenApi.YamlReader.dll", "Microsoft.OpenApi.dll", "Sei.Generators.CodeFixes.dll", "Sei.Generators.dll", "SharpYaml.dll",
                "System.IO.Pipelines.dll", "System.Memory.dll", "System.Text.Encodings.Web.dll", "System.Text.Json.dll", "System.Threading.Tasks.Extensions.dll",
            },
            entries.Where(e => e.StartsWith(AnalyzerFolder, StringComparison.Ordinal)).Select(e => e.Substring(AnalyzerFolder.Length)).OrderBy(e => e, StringComparer.Ordinal));
        Assert.Contains("build/Sei.Generators.props", entries);
        Assert.Contains("buildTransitive/Sei.Generators.props", entries);
        Assert.Contains("PACKAGE.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));

        var props = new StreamReader(package.GetEntry("build/Sei.Generators.props")!.Open()).ReadToEnd();
        Assert.Contains("<CompilerVisibleItemMetadata Include=\"AdditionalFiles\" MetadataName=\"SeiNamespace\" />", props, StringComparison.Ordinal);
        Assert.Contains("<CompilerVisibleProperty Include=\"RootNamespace\" />", props, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_packages_carry_complete_metadata_and_the_generator_depends_on_the_same_client_version()
    {
        var generators = Nuspec(feed.GeneratorsPackage);
        var client = Nuspec(feed.ClientPackage);
        foreach (var (nuspec, id) in new[] { (generators, "Sei.Generators"), (client, "Sei.Client") })
        {
            Assert.Equal(id, Value(nuspec, "id"));
            Assert.Equal(feed.Version, Value(nuspec, "version"));
            Assert.False(string.IsNullOrWhiteSpace(Value(nuspec, "description")));
            Assert.False(string.IsNullOrWhiteSpace(Value(nuspec, "authors")));
            Assert.Equal("MIT", Value(nuspec, "license"));
            Assert.Equal("PACKAGE.md", Value(nuspec, "readme"));
            Assert.Contains("openapi", Value(nuspec, "tags"), StringComparison.Ordinal);
            var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
            Assert.Equal("git", repository.Attribute("type")?.Value);
            Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);
        }

        var dependency = generators.Descendants().Single(e => e.Name.LocalName == "dependency");
        Assert.Equal("Sei.Client", dependency.Attribute("id")?.Value);
        Assert.Equal(feed.Version, dependency.Attribute("version")?.Value);
        Assert.True(File.Exists(Path.ChangeExtension(feed.ClientPackage, ".snupkg")), "Sei.Client's symbol package is missing.");
    }

    [Fact]
    public void The_assemblies_are_deterministic_with_source_link_and_the_client_is_documented_for_both_targets()
    {
        using var generators = ZipFile.OpenRead(feed.GeneratorsPackage);
        foreach (var name in new[] { "Sei.Generators.dll", "Sei.Generators.CodeFixes.dll" })
        {
            var facts = AssemblyFacts.Read(Bytes(generators, AnalyzerFolder + name));
            Assert.True(facts.IsReproducible, name + " was not built deterministically.");
            Assert.True(facts.HasEmbeddedPdb && facts.HasEmbeddedSources, name + " lacks its embedded PDB with sources, which turns an AD0001 stack trace into files and lines.");

            // SourceLink needs an origin remote on a host the SDK's SourceLink providers know; a clone
            // of a local folder, or of an unknown server, has nothing to link to.
            if (OriginOnKnownHost() is { } origin)
            {
                Assert.True(facts.HasSourceLink, name + " has no SourceLink map although the repository's origin is " + origin + ".");
            }
        }

        using var client = ZipFile.OpenRead(feed.ClientPackage);
        foreach (var framework in new[] { "netstandard2.0", "net8.0" })
        {
            Assert.True(AssemblyFacts.Read(Bytes(client, "lib/" + framework + "/Sei.Client.dll")).IsReproducible);
            Assert.NotNull(client.GetEntry("lib/" + framework + "/Sei.Client.xml"));
        }
    }

    /// <summary>
    /// Visual Studio runs the compiler on .NET Framework, where an analyzer can use only what the
    /// host has loaded (.NET Framework 4.8 and the assemblies Roslyn depends on, the workspaces
    /// too for code fixes) or what the package carries beside it, loaded side by side by Roslyn's
    /// analyzer loader when the host's copy is older than asked for. An analyzer that needs an
    /// assembly neither provides fails there with CS8032 or AD0001, while the .NET SDK's
    /// compiler, which has them all, never shows it. So every reference of every assembly in the
    /// analyzer folder must be met by the host or the package at the version asked for; and where
    /// an assembly ends up loaded twice (the host's and the package's), no call may cross between
    /// two assemblies that see different copies of a type in its signature (a span of one
    /// System.Memory passed to a method compiled against the other fails with MissingMethodException).
    /// </summary>
    [Fact]
    public void Every_analyzer_dependency_is_one_the_package_carries_or_the_NET_Framework_compiler_host_provides()
    {
        using var package = ZipFile.OpenRead(feed.GeneratorsPackage);
        var images = package.Entries
            .Where(e => e.FullName.StartsWith(AnalyzerFolder, StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal))
            .ToDictionary(e => e.Name, e => Bytes(package, e.FullName), StringComparer.Ordinal);
        var packaged = images.ToDictionary(p => p.Key, p => AssemblyFacts.Read(p.Value), StringComparer.Ordinal);
        var carried = packaged.Values.ToDictionary(f => f.Name, f => f.Version, StringComparer.OrdinalIgnoreCase);
        var framework = AssemblyFacts.Definitions(Directory.GetFiles(NetFramework48, "*.dll").Concat(Directory.GetFiles(Path.Combine(NetFramework48, "Facades"), "*.dll")));
        var compilerHost = HostClosure(framework, Repository.RoslynCommonPackage, Repository.RoslynCSharpPackage);
        var ideHost = HostClosure(compilerHost, Repository.RoslynWorkspacesPackage, Repository.RoslynCSharpWorkspacesPackage);

        var failures = new List<string>();
        output.WriteLine("| assembly | version | needs (met by) |");
        output.WriteLine("|---|---|---|");
        foreach (var (file, facts) in packaged.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // Code fixes run only in the IDE, which has the workspaces loaded; everything else also runs in csc.exe.
            var host = file == "Sei.Generators.CodeFixes.dll" ? ideHost : compilerHost;
            if (!file.StartsWith("Sei.", StringComparison.Ordinal) && Satisfies(compilerHost, facts.Name, facts.Version))
            {
                failures.Add(file + " " + facts.Version + " is carried for nothing: every compiler host has " + facts.Name + " " + compilerHost[facts.Name] + ", which wins.");
            }

            var needs = new List<string>();
            foreach (var (name, version) in facts.References)
            {
                var source = Satisfies(host, name, version) ? "host" : Satisfies(carried, name, version) ? "package" : null;
                needs.Add(name + " " + version + " (" + (source ?? "MISSING") + ")");
                if (source is null)
                {
                    failures.Add(file + " needs " + name + " " + version + ", which neither the package nor the .NET Framework compiler host provides"
                        + (host.TryGetValue(name, out var h) ? " (the host has " + h + ")" : string.Empty) + (carried.TryGetValue(name, out var c) ? " (the package has " + c + ")" : string.Empty) + ".");
                }
            }

            output.WriteLine("| " + file + " | " + facts.Version + " | " + string.Join(", ", needs) + " |");

            // Where does this assembly's reference to a name land: the host's copy, or the package's?
            string Copy(AssemblyFacts referrer, string name)
                => host.TryGetValue(name, out var hostVersion) && referrer.References.FirstOrDefault(r => r.Name == name).Version is { } asked && asked <= hostVersion ? "host" : carried.ContainsKey(name) ? "package" : "host";

            foreach (var call in SignatureScanner.ExternalCalls(images[file]))
            {
                var callee = packaged.Values.FirstOrDefault(f => string.Equals(f.Name, call.DefiningAssembly, StringComparison.OrdinalIgnoreCase));
                foreach (var name in call.SignatureAssemblies.Where(n => !string.Equals(n, call.DefiningAssembly, StringComparison.OrdinalIgnoreCase)))
                {
                    var callerSees = Copy(facts, name);
                    var calleeSees = callee is null ? "host" : Copy(callee, name);
                    if (callerSees != calleeSees)
                    {
                        failures.Add(file + " calls " + call.DefiningAssembly + "::" + call.Member + " with a type from " + name + ", but sees the " + callerSees + "'s copy of it and the callee the " + calleeSees + "'s.");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct(StringComparer.Ordinal)));
    }

    /// <summary>docs/package.md lists the analyzer folder; it must list exactly what the package holds.</summary>
    [Fact]
    public void The_documented_list_of_analyzer_assemblies_is_the_package_s()
    {
        using var package = ZipFile.OpenRead(feed.GeneratorsPackage);
        var actual = package.Entries.Where(e => e.FullName.StartsWith(AnalyzerFolder, StringComparison.Ordinal)).Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var documented = Regex.Matches(File.ReadAllText(Path.Combine(Repository.Root, "docs", "package.md")), @"^\| `([^`]+\.dll)` \|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(actual, documented);
    }

    private static string? OriginOnKnownHost()
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("remote");
        start.ArgumentList.Add("get-url");
        start.ArgumentList.Add("origin");
        try
        {
            using var git = System.Diagnostics.Process.Start(start)!;
            var url = git.StandardOutput.ReadToEnd().Trim();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            var knownHosts = new[] { "github.com", "gitlab.com", "dev.azure.com", "visualstudio.com", "bitbucket.org" };
            return git.ExitCode == 0 && knownHosts.Any(host => url.Contains(host, StringComparison.OrdinalIgnoreCase)) ? url : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string NetFramework48 => Path.Combine(Repository.GlobalPackages, "microsoft.netframework.referenceassemblies.net48", "1.0.3", "build", ".NETFramework", "v4.8");

    /// <summary>
    /// What a host provides: the given set plus the assemblies of the named Roslyn packages and,
    /// transitively, everything they reference (found in the global packages folder, where the
    /// Roslyn packages' own dependencies were restored), each at the highest version asked for.
    /// </summary>
    private static Dictionary<string, Version> HostClosure(Dictionary<string, Version> start, params string[] packages)
    {
        var host = new Dictionary<string, Version>(start, StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>(packages.SelectMany(p => Directory.GetFiles(Path.Combine(p, "lib", "netstandard2.0"), "*.dll")));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            if (!seen.Add(path))
            {
                continue;
            }

            var facts = AssemblyFacts.Read(path);
            Add(host, facts.Name, facts.Version);
            foreach (var (name, version) in facts.References)
            {
                Add(host, name, version);
                if (Locate(name, version) is { } dependency)
                {
                    pending.Enqueue(dependency);
                }
            }
        }

        return host;
    }

    /// <summary>The netstandard2.0 build of an assembly at exactly the version asked for, in the global packages folder.</summary>
    private static string? Locate(string name, Version version)
    {
        var folder = Path.Combine(Repository.GlobalPackages, name.ToLowerInvariant());
        if (!Directory.Exists(folder))
        {
            return null;
        }

        return Directory.GetDirectories(folder)
            .Select(v => Path.Combine(v, "lib", "netstandard2.0", name + ".dll"))
            .Where(File.Exists)
            .FirstOrDefault(path => AssemblyFacts.Read(path).Version == version);
    }

    private static void Add(Dictionary<string, Version> set, string name, Version version)
    {
        if (!set.TryGetValue(name, out var known) || known < version)
        {
            set[name] = version;
        }
    }

    private static bool Satisfies(Dictionary<string, Version> set, string name, Version version)
        => set.TryGetValue(name, out var available) && available >= version;

    private static byte[] Bytes(ZipArchive archive, string entry)
    {
        using var stream = archive.GetEntry(entry)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static XElement Nuspec(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XElement.Load(stream);
    }

    private static string Value(XElement nuspec, string name)
        => nuspec.Descendants().First(e => e.Name.LocalName == name).Value;
}
