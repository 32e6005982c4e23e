using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>
/// What every generated client and its interface must agree on, whatever the document: the interface
/// is public, beside the client, extends ISeiClient, and declares every public method of the client
/// (operations, pages, item streams, link helpers) with the same parameters and defaults; the interface
/// carries the metadata the analyzers read, and the class does not repeat it.
/// </summary>
internal static class ClientInterfaces
{
    public static void AssertEveryMethodIsOnTheInterface(Compilation compilation)
    {
        var clientBase = compilation.GetTypeByMetadataName("Sei.Client.SeiClientBase")!;
        var seiClient = compilation.GetTypeByMetadataName("Sei.Client.ISeiClient")!;
        var operationAttribute = compilation.GetTypeByMetadataName("Sei.Client.Metadata.SeiOperationAttribute")!;
        var clients = GeneratedTypes(compilation.Assembly.GlobalNamespace).Where(t => SymbolEqualityComparer.Default.Equals(t.BaseType, clientBase)).ToList();
        foreach (var client in clients)
        {
            var contract = client.Interfaces.SingleOrDefault(i => i.Name == "I" + client.Name);
            Assert.True(contract is not null, client + " implements no I" + client.Name + ".");
            Assert.Equal(Accessibility.Public, contract!.DeclaredAccessibility);
            Assert.True(SymbolEqualityComparer.Default.Equals(contract.ContainingNamespace, client.ContainingNamespace), contract + " is not beside " + client + ".");
            Assert.Contains(seiClient, contract.Interfaces, SymbolEqualityComparer.Default);

            var methods = client.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public)
                .ToList();
            var declared = contract.GetMembers().OfType<IMethodSymbol>().ToList();
            Assert.Equal(methods.Count, declared.Count);
            foreach (var member in declared)
            {
                var implementation = client.FindImplementationForInterfaceMember(member) as IMethodSymbol;
                Assert.True(implementation is not null && SymbolEqualityComparer.Default.Equals(implementation.ContainingType, client), member + " is not implemented by " + client + " itself.");
                Assert.Equal(Defaults(member), Defaults(implementation!));
                Assert.DoesNotContain(implementation!.GetAttributes(), a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, operationAttribute));

                // Every member but a link helper (Follow…Async(source)) is an operation, with its metadata.
                var linkHelper = member.Name.StartsWith("Follow", System.StringComparison.Ordinal) && member.Parameters.FirstOrDefault()?.Name == "source";
                Assert.True(linkHelper || member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, operationAttribute)), member + " carries no [SeiOperation].");
            }
        }
    }

    private static string Defaults(IMethodSymbol method)
        => string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString() + " " + p.Name + (p.HasExplicitDefaultValue ? " = " + (p.ExplicitDefaultValue ?? "null") : string.Empty)));

    private static IEnumerable<INamedTypeSymbol> GeneratedTypes(INamespaceSymbol space)
    {
        foreach (var type in space.GetTypeMembers())
        {
            yield return type;
        }

        foreach (var nested in space.GetNamespaceMembers())
        {
            foreach (var type in GeneratedTypes(nested))
            {
                yield return type;
            }
        }
    }
}
