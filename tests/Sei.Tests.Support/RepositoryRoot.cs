using System;
using System.IO;

namespace Sei.Tests.Support;

/// <summary>The repository's root, found from a test's output folder by the solution file above it.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>Gets the folder that holds Sei.Generators.sln.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Sei.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Sei.Generators.sln was not found above " + AppContext.BaseDirectory);
    }
}
