using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Sei.Packaging.Tests.Infrastructure;

/// <summary>Paths the build recorded in the test assembly: the repository, the package caches, Roslyn's packages.</summary>
public static class Repository
{
    public static string Root => Metadata("RepositoryRoot");

    public static string Specs => Path.Combine(Root, "specs");

    /// <summary>The machine's global packages folder, which consumers use as a read-only fallback so nothing is downloaded twice.</summary>
    public static string GlobalPackages => Metadata("NuGetPackageRoot");

    public static string RoslynCommonPackage => Metadata("RoslynCommonPackage");

    public static string RoslynCSharpPackage => Metadata("RoslynCSharpPackage");

    public static string RoslynWorkspacesPackage => Metadata("RoslynWorkspacesPackage");

    public static string RoslynCSharpWorkspacesPackage => Metadata("RoslynCSharpWorkspacesPackage");

    /// <summary>The version every project of the repository builds (Directory.Build.props).</summary>
    public static string Version
    {
        get
        {
            var props = File.ReadAllText(Path.Combine(Root, "Directory.Build.props"));
            return Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        }
    }

    private static string Metadata(string key)
        => typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException("The test assembly has no " + key + " metadata.");
}
