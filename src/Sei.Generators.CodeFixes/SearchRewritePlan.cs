using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sei.Generators.Analyzers;

namespace Sei.Generators.CodeFixes;

/// <summary>
/// How a call to a generated GET operation maps onto its POST search counterpart: which method to
/// call, which of its parameters each argument goes to, and which body property each of the rest
/// fills. Everything is read from the <c>[SeiOperation]</c> and <c>[SeiParameter]</c> metadata and
/// the body type, so clients from older generator versions are handled the same way. A plan is
/// only made when every argument the caller wrote has a place to go with a type that accepts it:
/// the fix must never drop a filter or produce code that does not compile.
/// </summary>
internal sealed class SearchRewritePlan
{
    private readonly SeiMetadata _metadata;

    private SearchRewritePlan(SeiMetadata metadata, IMethodSymbol search, IParameterSymbol body, INamedTypeSymbol bodyType)
    {
        _metadata = metadata;
        Search = search;
        Body = body;
        BodyType = bodyType;
    }

    /// <summary>The search method the call is rewritten to; it returns the same type as the GET.</summary>
    public IMethodSymbol Search { get; }

    /// <summary>The search method's body parameter.</summary>
    public IParameterSymbol Body { get; }

    /// <summary>The type of the body, built with an object initializer.</summary>
    public INamedTypeSymbol BodyType { get; }

    /// <summary>Arguments that go to a parameter of the search method (path, header, cursor, cancellation).</summary>
    public Dictionary<IParameterSymbol, ExpressionSyntax> Arguments { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Arguments that become members of the body, in the order the caller wrote them.</summary>
    public List<(IPropertySymbol Property, ExpressionSyntax Value)> Members { get; } = new();

    /// <summary>Makes the plan for an invocation, or returns <see langword="null"/> when the call cannot be rewritten without loss.</summary>
    public static SearchRewritePlan? Create(SemanticModel model, IInvocationOperation invocation, string searchMethodName)
    {
        if (SeiMetadata.For(model.Compilation) is not { ParameterAttribute: not null } metadata)
        {
            return null;
        }

        var target = invocation.TargetMethod;
        var search = FindSearchMethod(target, searchMethodName, metadata);
        if (search is null)
        {
            return null;
        }

        var body = search.Parameters.FirstOrDefault(p => metadata.Parameter(p)?.Location == WireLocation.Body);
        if (body is null || Constructible(body.Type, model, invocation.Syntax.SpanStart) is not { } bodyType)
        {
            return null;
        }

        var plan = new SearchRewritePlan(metadata, search, body, bodyType);
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
            {
                continue;
            }

            if (argument.Syntax is not ArgumentSyntax { Expression: { } expression } || !plan.Place(model, argument.Parameter, expression))
            {
                return null;
            }
        }

        // A required body member or a required search parameter left without a value would not compile.
        var assigned = new HashSet<IPropertySymbol>(plan.Members.Select(m => m.Property), SymbolEqualityComparer.Default);
        if (WritableProperties(bodyType).Any(p => p.IsRequired && !assigned.Contains(p)))
        {
            return null;
        }

        if (search.Parameters.Any(p => !p.IsOptional && !SymbolEqualityComparer.Default.Equals(p, body) && !plan.Arguments.ContainsKey(p)))
        {
            return null;
        }

        return plan;
    }

    /// <summary>
    /// The method of the search operation with the same return type as the GET: the metadata names
    /// one method of the operation (the item stream, for a paged one), and the operation ID finds
    /// its siblings (the one-page method), so a page call becomes a page call.
    /// </summary>
    private static IMethodSymbol? FindSearchMethod(IMethodSymbol target, string searchMethodName, SeiMetadata metadata)
    {
        var type = target.ContainingType;
        var (named, operation) = type.GetMembers(searchMethodName).OfType<IMethodSymbol>()
            .Select(m => (Method: m, Operation: metadata.Operation(m)))
            .FirstOrDefault(pair => pair.Operation is not null);
        if (named is null)
        {
            return null;
        }

        var operationId = operation!.OperationId;
        var candidates = operationId is null
            ? new[] { named }
            : type.GetMembers().OfType<IMethodSymbol>().Where(m => metadata.Operation(m)?.OperationId == operationId);
        return candidates.FirstOrDefault(m => SymbolEqualityComparer.Default.Equals(m.ReturnType, target.ReturnType));
    }

    /// <summary>Finds a place for one argument: the search method's parameter of the same name and place, else a body member.</summary>
    private bool Place(SemanticModel model, IParameterSymbol source, ExpressionSyntax value)
    {
        var metadata = _metadata.Parameter(source);
        IParameterSymbol? parameter;
        if (metadata is null)
        {
            // Cursor and cancellation token: same name, same role.
            parameter = Search.Parameters.FirstOrDefault(p => p.Name == source.Name && _metadata.Parameter(p) is null);
        }
        else
        {
            var wireName = metadata.Name;
            parameter = Search.Parameters.FirstOrDefault(p => _metadata.Parameter(p) is { } candidate && candidate.Location == metadata.Location && string.Equals(candidate.Name, wireName, StringComparison.OrdinalIgnoreCase));
            if (parameter is null && metadata.Location is WireLocation.Path or WireLocation.Query)
            {
                return PlaceInBody(model, wireName, value);
            }
        }

        if (parameter is null || Arguments.ContainsKey(parameter) || !Accepts(model, value, parameter.Type, parameter.NullableAnnotation))
        {
            return false;
        }

        Arguments.Add(parameter, value);
        return true;
    }

    /// <summary>A path or query value becomes the body member whose name is the wire name's (ignoring case and punctuation).</summary>
    private bool PlaceInBody(SemanticModel model, string wireName, ExpressionSyntax value)
    {
        var key = Normalize(wireName);
        var property = WritableProperties(BodyType).FirstOrDefault(p => Normalize(p.Name) == key);
        if (property is null
            || Members.Any(m => SymbolEqualityComparer.Default.Equals(m.Property, property))
            || !model.IsAccessible(value.SpanStart, property.SetMethod!)
            || !Accepts(model, value, property.Type, property.NullableAnnotation))
        {
            return false;
        }

        Members.Add((property, value));
        return true;
    }

    /// <summary>
    /// Whether the value converts implicitly to the new home's type and, for a reference type that
    /// does not allow null, is known not to be null: moving it must not add an error or a
    /// nullable warning (which is an error where warnings are).
    /// </summary>
    private static bool Accepts(SemanticModel model, ExpressionSyntax value, ITypeSymbol type, NullableAnnotation annotation)
    {
        var conversion = model.ClassifyConversion(value, type);
        if (!conversion.Exists || !conversion.IsImplicit)
        {
            return false;
        }

        var info = model.GetTypeInfo(value);
        return type.IsValueType || annotation != NullableAnnotation.NotAnnotated || info.Nullability.FlowState != NullableFlowState.MaybeNull;
    }

    /// <summary>The body type, when it is a class or struct the caller can build with <c>new T { ... }</c>.</summary>
    private static INamedTypeSymbol? Constructible(ITypeSymbol type, SemanticModel model, int position)
    {
        if (type is not INamedTypeSymbol named || named.IsAbstract || named.TypeKind is not (TypeKind.Class or TypeKind.Struct) || named.SpecialType != SpecialType.None)
        {
            return null;
        }

        if (named.TypeKind == TypeKind.Class && !named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && model.IsAccessible(position, c)))
        {
            return null;
        }

        return named;
    }

    private static IEnumerable<IPropertySymbol> WritableProperties(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic && !property.IsIndexer && property.SetMethod is not null)
                {
                    yield return property;
                }
            }
        }
    }

    private static string Normalize(string name)
        => new string(name.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
