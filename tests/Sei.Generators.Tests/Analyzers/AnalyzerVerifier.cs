using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Sei.Generators.Tests.Infrastructure;

namespace Sei.Generators.Tests.Analyzers;

/// <summary>
/// Runs an analyzer with Microsoft.CodeAnalysis.Testing, offline: the reference assemblies come from
/// Basic.Reference.Assemblies and Sei.Client, never from a package download.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.DefaultReferences);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
