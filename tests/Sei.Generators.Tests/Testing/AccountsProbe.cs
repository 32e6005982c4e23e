using System;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;

namespace Sei.Generators.Tests.Testing;

/// <summary>
/// A probe of a user's test code (a static class <c>Probe</c> whose methods take the document's text),
/// compiled with the client generated from <c>accounts.v1.yaml</c> against Sei.Testing as a user's test
/// project compiles, and run.
/// </summary>
internal sealed class AccountsProbe
{
    private readonly Lazy<Assembly> _compiled;

    public AccountsProbe(string source)
    {
        _compiled = new Lazy<Assembly>(() =>
        {
            // A test project that references Sei.Testing gets ASP.NET Core's routing with it (the package's framework reference).
            var references = GeneratorHarness.DefaultReferences.AddRange(new[]
            {
                MetadataReference.CreateFromFile(typeof(Sei.Testing.SeiTestServer).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder).Assembly.Location),
            });
            return CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, new[] { source }, references: references));
        });
    }

    /// <summary>Runs one method of the probe with the document's text; returns what it returned.</summary>
    public Task<string> RunAsync(string method) => CompiledClient.InvokeAsync(_compiled.Value, method, System.IO.File.ReadAllText(Paths.Spec("accounts.v1.yaml")));
}
