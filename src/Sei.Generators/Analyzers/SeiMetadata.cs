using System.Linq;
using Microsoft.CodeAnalysis;

namespace Sei.Generators.Analyzers;

/// <summary>
/// Reads the <c>[SeiOperation]</c> and <c>[SeiParameter]</c> metadata of a generated client's methods.
/// Generated code writes it once, on the client's interface (<c>IAccountsClient</c>), where application
/// code calls it most; a call on the client class itself finds it through the interface member the
/// method implements. Shared by the analyzers and the code fixes.
/// </summary>
internal sealed class SeiMetadata
{
    private SeiMetadata(INamedTypeSymbol operationAttribute, INamedTypeSymbol? parameterAttribute, INamedTypeSymbol? client)
    {
        OperationAttribute = operationAttribute;
        ParameterAttribute = parameterAttribute;
        Client = client;
    }

    /// <summary>Gets <c>Sei.Client.Metadata.SeiOperationAttribute</c>.</summary>
    public INamedTypeSymbol OperationAttribute { get; }

    /// <summary>Gets <c>Sei.Client.Metadata.SeiParameterAttribute</c>, when the compilation has it.</summary>
    public INamedTypeSymbol? ParameterAttribute { get; }

    /// <summary>Gets <c>Sei.Client.ISeiClient</c>, which every generated client implements, when the compilation has it.</summary>
    private INamedTypeSymbol? Client { get; }

    /// <summary>The metadata types of a compilation, or <see langword="null"/> when it does not reference Sei.Client.</summary>
    public static SeiMetadata? For(Compilation compilation)
        => compilation.GetTypeByMetadataName("Sei.Client.Metadata.SeiOperationAttribute") is { } operation
            ? new SeiMetadata(operation, compilation.GetTypeByMetadataName("Sei.Client.Metadata.SeiParameterAttribute"), compilation.GetTypeByMetadataName("Sei.Client.ISeiClient"))
            : null;

    /// <summary>The method's <c>[SeiOperation]</c>, on it or on the interface member it implements; <see langword="null"/> when it is no generated operation.</summary>
    public AttributeData? OperationOf(IMethodSymbol method)
        => Find(method, OperationAttribute) ?? (InterfaceMember(method) is { } declared ? Find(declared, OperationAttribute) : null);

    /// <summary>The parameter's <c>[SeiParameter]</c>, on it or on the same parameter of the interface member its method implements.</summary>
    public AttributeData? ParameterOf(IParameterSymbol parameter)
    {
        if (ParameterAttribute is null)
        {
            return null;
        }

        if (Find(parameter, ParameterAttribute) is { } own)
        {
            return own;
        }

        return parameter.ContainingSymbol is IMethodSymbol method && InterfaceMember(method) is { } declared && parameter.Ordinal < declared.Parameters.Length
            ? Find(declared.Parameters[parameter.Ordinal], ParameterAttribute)
            : null;
    }

    /// <summary>
    /// The member of a generated client interface that a client method implements. Only types that
    /// implement ISeiClient are searched, so that calls to every other method stay a single attribute lookup.
    /// </summary>
    private IMethodSymbol? InterfaceMember(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (Client is null || type is null || type.TypeKind == TypeKind.Interface || !type.AllInterfaces.Contains(Client, SymbolEqualityComparer.Default))
        {
            return null;
        }

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var member in contract.GetMembers(method.Name))
            {
                if (member is IMethodSymbol candidate && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), method))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static AttributeData? Find(ISymbol symbol, INamedTypeSymbol attribute)
        => symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
