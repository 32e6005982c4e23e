using System.Threading;
using Microsoft.OpenApi;
using Sei.Generators.Emitting;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>
/// Building: turns a read document into a <see cref="ClientModel"/>. It uses no Roslyn types;
/// problems are added to the collector with JSON pointers, located later. When the project selects
/// some operations only (<see cref="OperationSelection"/>), component schemas are mapped as those
/// operations reach them instead of all up front, so the model holds what they need and no more.
/// </summary>
internal static class ClientModelBuilder
{
    /// <summary>Members of the client's base class, of the generated client and of <see cref="object"/>, which operation methods must not hide.</summary>
    private static readonly string[] ReservedMemberNames = GeneratedNames.ClientMembers.Concat(GeneratedNames.ObjectMembers).ToArray();

    /// <summary>Builds the model of the operations <paramref name="selection"/> holds and of the schemas they reach.</summary>
    /// <param name="input">The document and its settings.</param>
    /// <param name="spec">The document as read.</param>
    /// <param name="selection">The operations to generate.</param>
    /// <param name="problems">Where problems go.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="generatedComponents">The IDs of the component schemas that were mapped: all of them when every operation is selected.</param>
    /// <returns>The model.</returns>
    public static ClientModel Build(SpecInput input, SpecDocument spec, OperationSelection selection, ProblemCollector problems, CancellationToken cancellationToken, out IReadOnlyCollection<string> generatedComponents)
    {
        var document = spec.Document;
        var productName = NamingResolver.ProductName(document, input.Path);
        var clientName = NamingResolver.ClientName(input, productName);
        var ns = NamingResolver.Namespace(input, document, productName);
        var registrationName = NamingResolver.RegistrationName(clientName, NamingResolver.VersionSegmentName(document));

        // The contracts' namespace, the client and its companions are named by the generator; a schema type of such a name would hide one.
        var mapper = new SchemaMapper(problems, spec.Version == OpenApiSpecVersion.OpenApi2_0, new[] { clientName, GeneratedNames.SerializationNamespace, GeneratedNames.RegistrationClassOf(clientName), GeneratedNames.InterfaceOf(clientName) });
        var components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        // Every component keeps its name whether or not it is generated, so a selection never renames one.
        mapper.ReserveComponentNames(components.Keys);
        // Counted over the whole document whatever part of it is generated, so a part names shared shapes as the whole does.
        mapper.CountInlineShapes(document);
        if (selection.IsEverything)
        {
            foreach (var pair in components)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A Boolean schema (3.1: "true" allows any value) reaches us as null: it is an empty schema.
                mapper.MapComponent(pair.Key, pair.Value ?? new OpenApiSchema());
            }
        }

        var servers = ServerBuilder.Build(document, problems);
        var defaultServer = ServerBuilder.DefaultUrl(servers);
        var longestServer = ServerBuilder.LongestUrl(servers);
        var operations = new OperationMapper(mapper, problems, ReservedMemberNames.Concat(new[] { clientName }), longestServer, spec.Raw).MapAll(document, selection, cancellationToken);
        if (!selection.IsEverything)
        {
            // The operations mapped what they reach; then their error bodies and the schemas named to include,
            // and last the types that a base reached so far can stand for.
            var roots = SchemaMapper.ErrorBodyComponents(selection.OperationsOf(document)).Where(id => !selection.ExcludesSchema(id))
                .Concat(components.Keys.Where(selection.IncludesSchema));
            mapper.MapRootComponents(roots, components, cancellationToken);
            mapper.MapDerivedComponents(components, cancellationToken);
        }

        mapper.LinkDerivedTypes();
        generatedComponents = mapper.MappedComponents;

        return new ClientModel(
            input.Path,
            NamingResolver.HintName(input),
            ns,
            clientName,
            registrationName,
            document.Info?.Title ?? productName,
            document.Info?.Version ?? string.Empty,
            Text.Clean(document.Info?.Description),
            defaultServer,
            longestServer,
            servers.ToEquatableArray(),
            ServerBuilder.VariableOptions(servers).ToEquatableArray(),
            mapper.Declarations.ToEquatableArray(),
            operations.ToEquatableArray(),
            SecurityBuilder.Build(spec, selection, problems));
    }
}
