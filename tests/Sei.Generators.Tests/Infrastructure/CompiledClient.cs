using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>Compiles generated code plus a probe class into a real assembly, loads it, and calls the probe.</summary>
internal static class CompiledClient
{
    public static Assembly Compile(GeneratorRun run)
    {
        var diagnostics = run.CompilationDiagnostics().ToList();
        Assert.True(diagnostics.Count == 0, GeneratorHarness.Describe(diagnostics));
        using var stream = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(stream);
        Assert.True(emitted.Success, GeneratorHarness.Describe(emitted.Diagnostics));
        stream.Position = 0;

        // A collectible context per test keeps the many "Consumer" assemblies apart.
        var context = new AssemblyLoadContext("consumer-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    public static async Task<string> InvokeAsync(Assembly assembly, string method, string baseUrl)
    {
        var probe = assembly.GetType("Probe") ?? throw new InvalidOperationException("No Probe class.");
        var task = (Task<string>)probe.GetMethod(method)!.Invoke(null, new object[] { baseUrl })!;
        return await task;
    }
}
