using System.Text.RegularExpressions;
using Sei.Generators.Building;
using Sei.Generators.Model;
using Sei.Generators.Reading;

namespace Sei.Testing.Engine;

/// <summary>
/// A document as the test server serves it: the generator's own model of it (the one the generated
/// client was built from), its operations as routes, and its declarations by name.
/// </summary>
internal sealed class ServerDocument
{
    private readonly Dictionary<string, TypeDeclaration> _declarations;

    private ServerDocument(ClientModel model, ResponseExamples examples)
    {
        Model = model;
        Examples = examples;
        _declarations = model.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);

        // Literal segments before parameters, so /v1/accounts/search wins over /v1/accounts/{accountId}.
        Routes = model.Operations
            .Select(operation => new OperationRoute(operation))
            .OrderByDescending(route => route.LiteralLength)
            .ToList();
    }

    /// <summary>Gets the generator's model of the document.</summary>
    public ClientModel Model { get; }

    /// <summary>Gets the document's examples of its success responses.</summary>
    public ResponseExamples Examples { get; }

    /// <summary>Gets the operations, most specific path first.</summary>
    public IReadOnlyList<OperationRoute> Routes { get; }

    /// <summary>Reads a document as the generator does.</summary>
    /// <param name="path">The document's file name (its extension says YAML or JSON).</param>
    /// <param name="text">The document.</param>
    /// <returns>The document.</returns>
    /// <exception cref="SeiTestServerException">The document cannot be read, or declares no operation.</exception>
    public static ServerDocument Load(string path, string text)
    {
        var problems = new ProblemCollector(path);
        var spec = SpecReader.Read(path, text, problems, CancellationToken.None);
        if (spec is null)
        {
            throw new SeiTestServerException("The SEI test server could not read '" + path + "': " + Describe(problems) + " Build the project that generates its client to see every diagnostic, located.");
        }

        var input = new SpecInput(path, text, null, null, "Sei.Testing", null);
        var model = ClientModelBuilder.Build(input, spec, OperationSelection.Everything, problems, CancellationToken.None, out _);
        if (model.Operations.Count == 0)
        {
            throw new SeiTestServerException("'" + path + "' declares no operation the SEI test server could serve.");
        }

        return new ServerDocument(model, new ResponseExamples(spec.Document));
    }

    /// <summary>The declaration of a named type.</summary>
    public TypeDeclaration? Find(string? name) => name is not null && _declarations.TryGetValue(name, out var declaration) ? declaration : null;

    /// <summary>The operation a request is for, and the values of its path parameters.</summary>
    /// <param name="method">The request's method.</param>
    /// <param name="path">The request's path, still percent-encoded.</param>
    /// <param name="allowed">The methods the path allows, when no operation matched the method.</param>
    /// <returns>The route and its values, or <see langword="null"/>.</returns>
    public (OperationRoute Route, Dictionary<string, string> Values)? Match(string method, string path, out List<string> allowed)
    {
        allowed = new List<string>();
        foreach (var route in Routes)
        {
            if (route.TryMatch(path) is not { } values)
            {
                continue;
            }

            if (string.Equals(route.Operation.HttpMethod, method, StringComparison.OrdinalIgnoreCase))
            {
                return (route, values);
            }

            allowed.Add(route.Operation.HttpMethod);
        }

        return null;
    }

    private static string Describe(ProblemCollector problems)
        => problems.Count == 0 ? "it is not an OpenAPI document." : problems.Count + " problem(s) were found.";
}

/// <summary>One operation's path template as a pattern: each <c>{name}</c> matches one segment's worth of text.</summary>
internal sealed class OperationRoute
{
    private readonly Regex _pattern;
    private readonly List<string> _names = new();

    public OperationRoute(OperationModel operation)
    {
        Operation = operation;
        var pattern = "^";
        var literal = 0;
        foreach (Match part in Regex.Matches(operation.Path, @"\{([^}]+)\}|[^{]+"))
        {
            if (part.Groups[1].Success)
            {
                pattern += "(?<p" + _names.Count + ">[^/]+)";
                _names.Add(part.Groups[1].Value);
            }
            else
            {
                pattern += Regex.Escape(part.Value);
                literal += part.Value.Length;
            }
        }

        _pattern = new Regex(pattern.TrimEnd('/') + "/?$", RegexOptions.CultureInvariant);
        LiteralLength = literal;
    }

    /// <summary>Gets the operation.</summary>
    public OperationModel Operation { get; }

    /// <summary>Gets the length of the template's literal text, to try specific templates first.</summary>
    public int LiteralLength { get; }

    /// <summary>Gets the name the server records and faults refer to: the operation ID, else the generated method's name.</summary>
    public string Name => Operation.OperationId ?? Operation.MethodName;

    /// <summary>The path parameters' values, decoded, when the path matches.</summary>
    public Dictionary<string, string>? TryMatch(string path)
    {
        var match = _pattern.Match(path);
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _names.Count; i++)
        {
            values[_names[i]] = Uri.UnescapeDataString(match.Groups["p" + i].Value);
        }

        return values;
    }
}
