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
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Assembly, AssemblyLoadContext> Contexts = new();

    public static Assembly Compile(GeneratorRun run)
    {
        var diagnostics = run.CompilationDiagnostics().ToList();
        Assert.True(diagnostics.Count == 0, GeneratorHarness.Describe(diagnostics));
        using var stream = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(stream);
        Assert.True(emitted.Success, GeneratorHarness.Describe(emitted.Diagnostics));
        stream.Position = 0;

        // A collectible context per test keeps the many "Consumer" assemblies apart. The context lives
        // as long as its assembly (dotnet/runtime#34838: a collectible context nothing else references
        // can be collected while its assembly is still used, and reflection over it then fails).
        var context = new AssemblyLoadContext("consumer-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        var assembly = context.LoadFromStream(stream);
        Contexts.AddOrUpdate(assembly, context);
        return assembly;
    }

    /// <summary>
    /// The generated client class of a compiled document, found by name from the compilation's symbols
    /// rather than by walking Assembly.GetTypes(): full runs twice failed with a NullReferenceException
    /// inside such a walk over a large loaded client, which looking up one type by name avoids.
    /// </summary>
    public static Type ClientType(Assembly assembly, Compilation compilation)
    {
        var clientBase = compilation.GetTypeByMetadataName("Sei.Client.SeiClientBase");
        var client = compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Single(t => SymbolEqualityComparer.Default.Equals(t.BaseType, clientBase));
        var name = client.ContainingNamespace.IsGlobalNamespace ? client.MetadataName : client.ContainingNamespace.ToDisplayString() + "." + client.MetadataName;
        return assembly.GetType(name, throwOnError: true)!;
    }

    public static Task<string> InvokeAsync(Assembly assembly, string method, string baseUrl) => InvokeAsync(assembly, method, new object[] { baseUrl });

    /// <summary>Calls an asynchronous probe method that takes objects of the test's making (a service collection, options).</summary>
    public static Task<string> InvokeAsync(Assembly assembly, string method, params object[] arguments) => (Task<string>)Invoke(assembly, method, arguments)!;

    /// <summary>Calls a probe method; types shared with the test (Sei.Client, Microsoft.Extensions.*) come from the test's own load context.</summary>
    public static object? Invoke(Assembly assembly, string method, params object[] arguments)
    {
        var probe = assembly.GetType("Probe") ?? throw new InvalidOperationException("No Probe class.");
        var target = probe.GetMethod(method) ?? throw new InvalidOperationException("No Probe." + method + " method.");
        return target.Invoke(null, arguments);
    }
}
