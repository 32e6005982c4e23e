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
    private SeiMetadata(INamedTypeSymbol operationAttribute, INamedTypeSymbol? parameterAttribute, INamedTypeSymbol? clientAttribute, INamedTypeSymbol? client)
    {
        OperationAttribute = operationAttribute;
        ParameterAttribute = parameterAttribute;
        ClientAttribute = clientAttribute;
        Client = client;
    }

    /// <summary>Gets <c>Sei.Client.Metadata.SeiOperationAttribute</c>.</summary>
    public INamedTypeSymbol OperationAttribute { get; }

    /// <summary>Gets <c>Sei.Client.Metadata.SeiParameterAttribute</c>, when the compilation has it.</summary>
    public INamedTypeSymbol? ParameterAttribute { get; }

    /// <summary>Gets <c>Sei.Client.Metadata.SeiClientAttribute</c>, on a generated client's interface, when the compilation has it.</summary>
    private INamedTypeSymbol? ClientAttribute { get; }

    /// <summary>Gets <c>Sei.Client.ISeiClient</c>, which every generated client implements, when the compilation has it.</summary>
    private INamedTypeSymbol? Client { get; }

    /// <summary>The metadata types of a compilation, or <see langword="null"/> when it does not reference Sei.Client.</summary>
    public static SeiMetadata? For(Compilation compilation)
        => compilation.GetTypeByMetadataName("Sei.Client.Metadata.SeiOperationAttribute") is { } operation
            ? new SeiMetadata(
                operation,
                compilation.GetTypeByMetadataName("Sei.Client.Metadata.SeiParameterAttribute"),
                compilation.GetTypeByMetadataName("Sei.Client.Metadata.SeiClientAttribute"),
                compilation.GetTypeByMetadataName("Sei.Client.ISeiClient"))
            : null;

    /// <summary>
    /// What the method's <c>[SeiOperation]</c> says, on it or on the interface member it implements;
    /// <see langword="null"/> when it is no generated operation. The longest server URL is the
    /// operation's own (clients of older generator versions wrote it on every operation) or, since
    /// it is the same for all of them, the one <c>[SeiClient]</c> on the interface.
    /// </summary>
    public OperationMetadata? Operation(IMethodSymbol method)
    {
        var (declared, attribute) = OperationDeclaration(method);
        if (attribute is null || attribute.ConstructorArguments.Length < 2)
        {
            return null;
        }

        var longestServerUrl = NamedString(attribute, nameof(OperationMetadata.LongestServerUrl))
            ?? (ClientAttribute is not null && declared.ContainingType is { } type && Find(type, ClientAttribute) is { } client ? NamedString(client, nameof(OperationMetadata.LongestServerUrl)) : null);
        return new OperationMetadata(
            attribute.ConstructorArguments[0].Value as string ?? string.Empty,
            attribute.ConstructorArguments[1].Value as string ?? string.Empty,
            NamedString(attribute, nameof(OperationMetadata.OperationId)),
            longestServerUrl,
            NamedString(attribute, nameof(OperationMetadata.SearchOperation)));
    }

    /// <summary>
    /// What the parameter's <c>[SeiParameter]</c> says, on it or on the same parameter of the interface
    /// member its method implements; <see langword="null"/> for a parameter that is not on the wire
    /// (a cursor, a cancellation token). Without a location the parameter is a query parameter.
    /// </summary>
    public ParameterMetadata? Parameter(IParameterSymbol parameter)
    {
        if (ParameterOf(parameter) is not { ConstructorArguments.Length: >= 1 } attribute)
        {
            return null;
        }

        var location = attribute.ConstructorArguments.Length >= 2 && attribute.ConstructorArguments[1].Value is int value ? (WireLocation)value : WireLocation.Query;
        return new ParameterMetadata(
            attribute.ConstructorArguments[0].Value as string ?? string.Empty,
            location,
            NamedInt(attribute, nameof(ParameterMetadata.MaxLength)),
            NamedInt(attribute, nameof(ParameterMetadata.MaxItems)));
    }

    /// <summary>The method's <c>[SeiOperation]</c>, on it or on the interface member it implements; <see langword="null"/> when it is no generated operation.</summary>
    public AttributeData? OperationOf(IMethodSymbol method) => OperationDeclaration(method).Attribute;

    /// <summary>The method that carries the operation's <c>[SeiOperation]</c> (the method itself, or the interface member it implements) and the attribute.</summary>
    private (IMethodSymbol Declared, AttributeData? Attribute) OperationDeclaration(IMethodSymbol method)
    {
        if (Find(method, OperationAttribute) is { } own)
        {
            return (method, own);
        }

        return InterfaceMember(method) is { } member ? (member, Find(member, OperationAttribute)) : (method, null);
    }

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
        if (Client is null || type is null || type.TypeKind == Microsoft.CodeAnalysis.TypeKind.Interface || !type.AllInterfaces.Contains(Client, SymbolEqualityComparer.Default))
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

    private static string? NamedString(AttributeData attribute, string name)
        => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static int NamedInt(AttributeData attribute, string name)
        => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is int value ? value : -1;
}

/// <summary>A generated operation's <c>[SeiOperation]</c>, read.</summary>
/// <param name="HttpMethod">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path template.</param>
/// <param name="OperationId">The document's operationId, if it has one.</param>
/// <param name="LongestServerUrl">The longest server URL the document lists, if known.</param>
/// <param name="SearchOperation">The method of the POST search counterpart, if the document has one.</param>
internal sealed record OperationMetadata(string HttpMethod, string PathTemplate, string? OperationId, string? LongestServerUrl, string? SearchOperation);

/// <summary>A generated method parameter's <c>[SeiParameter]</c>, read.</summary>
/// <param name="Name">The name on the wire.</param>
/// <param name="Location">Where it travels.</param>
/// <param name="MaxLength">The document's maxLength, or -1.</param>
/// <param name="MaxItems">The document's maxItems, or -1.</param>
internal sealed record ParameterMetadata(string Name, WireLocation Location, int MaxLength, int MaxItems);

/// <summary>
/// Where a parameter travels: <c>Sei.Client.Metadata.SeiParameterLocation</c>, whose values the
/// attribute carries as numbers. The analyzers cannot reference Sei.Client, so the values are
/// repeated here, and a test compares the two enumerations.
/// </summary>
internal enum WireLocation
{
    Path = 0,
    Query = 1,
    Header = 2,
    Cookie = 3,
    Body = 4,
}
