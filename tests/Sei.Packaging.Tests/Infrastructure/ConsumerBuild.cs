using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Sei.Packaging.Tests.Infrastructure;

/// <summary>A project of a user's: a target framework and the build settings it holds the package to.</summary>
public sealed record Consumer(string Name, string TargetFramework, bool IsApp, string Properties, string Items = "")
{
    public static Consumer App { get; } = new("App", "net10.0", true, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

    public static Consumer Library8 { get; } = new("Library8", "net8.0", false, string.Empty);

    /// <summary>Compile only: the .NET Framework reference assemblies come as a package, as on any machine without Visual Studio.</summary>
    public static Consumer Library48 { get; } = new("Library48", "net48", false, string.Empty, "<PackageReference Include=\"Microsoft.NETFramework.ReferenceAssemblies\" Version=\"1.0.3\" PrivateAssets=\"all\" />");

    public static Consumer Strict { get; } = new("Strict", "net10.0", false, "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningLevel>9999</WarningLevel><GenerateDocumentationFile>true</GenerateDocumentationFile>");

    public static Consumer Aot { get; } = new("Aot", "net10.0", false, "<IsAotCompatible>true</IsAotCompatible><TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsAsErrors>$(WarningsAsErrors);IL2026;IL3050</WarningsAsErrors>");

    public static IReadOnlyList<Consumer> All { get; } = new[] { App, Library8, Library48, Strict, Aot };

    public override string ToString() => Name + " (" + TargetFramework + ")";
}

/// <summary>Writes every consumer project with the repository's specs and builds them all with one real <c>dotnet build</c>.</summary>
public sealed class ConsumerBuild
{
    private ConsumerBuild(PackageFeed feed, CommandResult result)
    {
        Feed = feed;
        Result = result;
    }

    public PackageFeed Feed { get; }

    public CommandResult Result { get; }

    public string ProjectPath(Consumer consumer) => Path.Combine(Feed.Root, consumer.Name, consumer.Name + ".csproj");

    public string OutputAssembly(Consumer consumer) => Path.Combine(Feed.Root, consumer.Name, "bin", "Release", consumer.TargetFramework, consumer.Name + ".dll");

    /// <summary>The warnings and errors MSBuild attributes to one consumer (each once; MSBuild repeats them in its summary).</summary>
    public IReadOnlyList<string> ProblemsOf(Consumer consumer)
    {
        var project = ProjectPath(consumer);
        return Result.Output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Contains("[" + project, StringComparison.Ordinal) && (line.Contains(": warning ", StringComparison.Ordinal) || line.Contains(": error ", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public static ConsumerBuild Run(PackageFeed feed)
    {
        foreach (var consumer in Consumer.All)
        {
            Write(feed, consumer);
        }

        var solution = "<Solution>\n" + string.Concat(Consumer.All.Select(c => $"  <Project Path=\"{c.Name}/{c.Name}.csproj\" />\n")) + "</Solution>\n";
        File.WriteAllText(Path.Combine(feed.Root, "Consumers.slnx"), solution);
        var result = DotNet.Run(feed.Root, "build", "Consumers.slnx", "-c", "Release", "-nodeReuse:false");
        return new ConsumerBuild(feed, result);
    }

    /// <summary>A project as a user would write it: the package, the specs as AdditionalFiles, and nothing of the repository's.</summary>
    internal static void Write(PackageFeed feed, Consumer consumer, string? usage = null, Func<string, bool>? includeSpec = null)
    {
        var folder = Path.Combine(feed.Root, consumer.Name);
        var specs = Path.Combine(folder, "specs");
        Directory.CreateDirectory(specs);
        foreach (var spec in Directory.GetFiles(Repository.Specs).Where(f => (f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)) && (includeSpec ?? (_ => true))(Path.GetFileName(f))))
        {
            File.Copy(spec, Path.Combine(specs, Path.GetFileName(spec)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(folder, consumer.Name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{consumer.TargetFramework}</TargetFramework>
                <OutputType>{(consumer.IsApp ? "Exe" : "Library")}</OutputType>
                <RootNamespace>Consumer</RootNamespace>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <ErrorLog>build.sarif,version=2.1</ErrorLog>
                {consumer.Properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Sei.Generators" Version="{feed.Version}" />
                {consumer.Items}
              </ItemGroup>
              <ItemGroup>
                <AdditionalFiles Include="specs/*.yaml;specs/*.json" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Usage.cs"), usage ?? ConsumerSources.Usage);
        if (usage is null)
        {
            // The default consumers hold every spec, so both accounts versions can be registered from one file.
            File.WriteAllText(Path.Combine(folder, "Registration.cs"), ConsumerSources.Registration);
        }
        if (consumer.IsApp)
        {
            File.WriteAllText(Path.Combine(folder, "Program.cs"), ConsumerSources.Program);
        }
    }
}
