using System;
using System.IO;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>Where the repository's specs and docs are, found from the test assembly upwards.</summary>
internal static class Paths
{
    public static string RepositoryRoot => Sei.Tests.Support.RepositoryRoot.Path;

    public static string Specs => Path.Combine(RepositoryRoot, "specs");

    public static string Docs => Path.Combine(RepositoryRoot, "docs");

    public static string Spec(string fileName) => Path.Combine(Specs, fileName);

    /// <summary>A document the tests carry themselves (tests/Sei.Generators.Tests/Documents), beside the repository's specs.</summary>
    public static string TestDocument(string fileName) => Path.Combine(RepositoryRoot, "tests", "Sei.Generators.Tests", "Documents", fileName);
}
