using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Sei.Generators.Emitting;
using Sei.Generators.Reading;

namespace Sei.Generators.Building;

/// <summary>
/// Building, for servers: URL templates and their variables, which variable selects the SEI
/// environment and which is the mutual-TLS port, and which server serves each environment.
/// </summary>
/// <remarks>
/// A server serves an environment when its description names that environment alone ("QA", "Production
/// (live)"), or when a variable of its URL has a value that names it (<c>{environment}</c> with
/// <c>enum: [dev, qa, pilot, prod]</c>). A description that names several environments ("Dev, QA and
/// Pilot") chooses none of them by itself: without a variable to tell them apart, which URL serves
/// which is unknown, and guessing could send QA credentials to production. A server named alone wins
/// over one that reaches the environment through a variable; among equals, the first listed wins.
/// </remarks>
internal static class ServerBuilder
{
    /// <summary>SEI serves calls authenticated with a client certificate on this port.</summary>
    public const string MutualTlsPort = "444";

    private static readonly Regex Placeholder = new(@"\{([^{}]+)\}", RegexOptions.CultureInvariant);

    public static List<ServerModel> Build(OpenApiDocument document, ProblemCollector problems)
    {
        var read = new List<(ServerModel Server, List<DeploymentEnvironment> Named, Dictionary<DeploymentEnvironment, string> ByVariable)>();
        var index = -1;
        foreach (var server in document.Servers ?? new List<OpenApiServer>())
        {
            index++;
            if (string.IsNullOrWhiteSpace(server?.Url))
            {
                continue;
            }

            var pointer = "/servers/" + index.ToString(CultureInfo.InvariantCulture);
            var variables = Variables(server!);
            var byVariable = EnvironmentValues(variables);
            var named = EnvironmentsNamedIn(server!.Description);
            var description = Text.Clean(server.Description);
            if (byVariable.Count > 0)
            {
                foreach (var environment in named.Where(e => !byVariable.ContainsKey(e)))
                {
                    var variable = variables.First(v => v.Role == ServerVariableRole.Environment);
                    problems.Add(DiagnosticIds.EnvironmentWithoutVariableValue, pointer + "/description", server.Url!, environment.ToString(), variable.Name);
                }
            }

            // "https://api.example.com/" and "https://api.example.com" are one server; "/" stays "/".
            var url = server.Url!.TrimEnd('/');
            read.Add((new ServerModel(url.Length == 0 ? "/" : url, description, variables.ToEquatableArray(), EquatableArray<EnvironmentAssignment>.Empty), named, byVariable));
        }

        // Named alone first, then through a variable; within each, the first server listed.
        var assigned = new Dictionary<DeploymentEnvironment, int>();
        for (var i = 0; i < read.Count; i++)
        {
            if (read[i].ByVariable.Count == 0 && read[i].Named.Count == 1 && !assigned.ContainsKey(read[i].Named[0]))
            {
                assigned[read[i].Named[0]] = i;
            }
        }

        for (var i = 0; i < read.Count; i++)
        {
            foreach (var environment in read[i].ByVariable.Keys)
            {
                if (!assigned.ContainsKey(environment))
                {
                    assigned[environment] = i;
                }
            }
        }

        return read.Select((entry, i) => entry.Server with
        {
            Environments = assigned.Where(pair => pair.Value == i)
                .OrderBy(pair => pair.Key)
                .Select(pair => new EnvironmentAssignment(pair.Key, entry.ByVariable.TryGetValue(pair.Key, out var value) ? value : null))
                .ToEquatableArray(),
        }).ToList();
    }

    /// <summary>The first server with every variable at its default, or "/" when the document lists none.</summary>
    public static string DefaultUrl(IReadOnlyList<ServerModel> servers)
        => servers.Count == 0 ? "/" : Expand(servers[0], v => v.Default);

    /// <summary>
    /// The longest URL any server can expand to (each variable at its longest allowed value; a variable
    /// with no <c>enum</c> at its default, since nothing bounds it): URL-length checks count from it.
    /// </summary>
    public static string LongestUrl(IReadOnlyList<ServerModel> servers)
        => servers.Count == 0
            ? "/"
            : servers.Select(s => Expand(s, v => v.Values.IsEmpty ? v.Default : v.Values.OrderByDescending(x => x.Length).First()))
                .OrderByDescending(url => url.Length)
                .First();

    /// <summary>
    /// The variables the application sets itself, merged by name across servers, each with a class name
    /// unique within the generated client's <c>ServerVariables</c> and a member name per allowed value.
    /// </summary>
    public static List<ServerVariableOptionModel> VariableOptions(IReadOnlyList<ServerModel> servers)
    {
        var options = new List<ServerVariableOptionModel>();
        var classNames = new HashSet<string>(StringComparer.Ordinal) { GeneratedNames.ServerVariablesClass };
        foreach (var group in servers.SelectMany(s => s.Variables).Where(v => v.Role == ServerVariableRole.Other).GroupBy(v => v.Name, StringComparer.Ordinal))
        {
            var first = group.First();
            var className = Identifiers.MakeUnique(Identifiers.ToPascalCase(first.Name, "Variable"), classNames);

            // An empty enum anywhere means any value is allowed there, so no closed list of members is offered.
            var anyValue = group.Any(v => v.Values.IsEmpty);
            var memberNames = new HashSet<string>(StringComparer.Ordinal) { className, GeneratedNames.ServerVariableFactory };
            var values = anyValue
                ? new List<ServerVariableValueModel>()
                : group.SelectMany(v => v.Values).Distinct(StringComparer.Ordinal)
                    .Select(value => new ServerVariableValueModel(Identifiers.MakeUnique(Identifiers.ToPascalCase(value, "Value"), memberNames), value))
                    .ToList();
            options.Add(new ServerVariableOptionModel(className, first.Name, first.Default, first.Description, values.ToEquatableArray()));
        }

        return options;
    }

    /// <summary>Which SEI environments a text names, in order: "Dev", "QA environment", "Production", "UAT" and the like.</summary>
    public static List<DeploymentEnvironment> EnvironmentsNamedIn(string? text)
    {
        var found = new List<DeploymentEnvironment>();
        var words = (text ?? string.Empty).ToLowerInvariant()
            .Split(new[] { ' ', '-', '_', '(', ')', ',', '.', ':', '/', ';', '&', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            DeploymentEnvironment? environment = word switch
            {
                "dev" or "development" => DeploymentEnvironment.Dev,
                "qa" or "test" or "testing" => DeploymentEnvironment.Qa,
                "pilot" or "uat" => DeploymentEnvironment.Pilot,
                "prod" or "production" => DeploymentEnvironment.Prod,
                _ => null,
            };
            if (environment is { } named && !found.Contains(named))
            {
                found.Add(named);
            }
        }

        return found;
    }

    private static string Expand(ServerModel server, Func<ServerVariableModel, string> value)
        => Placeholder.Replace(server.Url, match => server.Variables.FirstOrDefault(v => v.Name == match.Groups[1].Value) is { } variable ? value(variable) : match.Value);

    private static List<ServerVariableModel> Variables(OpenApiServer server)
    {
        var variables = new List<ServerVariableModel>();
        foreach (var pair in server.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            var values = (pair.Value?.Enum ?? new List<string>()).Where(v => v is not null).Distinct(StringComparer.Ordinal).ToList();
            var defaultValue = pair.Value?.Default ?? values.FirstOrDefault() ?? string.Empty;
            var role = ServerVariableRole.Other;
            if (values.Contains(MutualTlsPort))
            {
                role = ServerVariableRole.MutualTlsPort;
            }
            else if (!variables.Any(v => v.Role == ServerVariableRole.Environment) && (values.Count > 0 ? values : new List<string> { defaultValue }).Any(v => EnvironmentsNamedIn(v).Count == 1))
            {
                role = ServerVariableRole.Environment;
            }

            variables.Add(new ServerVariableModel(pair.Key, defaultValue, values.ToEquatableArray(), Text.Clean(pair.Value?.Description), role));
        }

        return variables;
    }

    /// <summary>For the environment variable, the first value that names each environment alone.</summary>
    private static Dictionary<DeploymentEnvironment, string> EnvironmentValues(List<ServerVariableModel> variables)
    {
        var map = new Dictionary<DeploymentEnvironment, string>();
        if (variables.FirstOrDefault(v => v.Role == ServerVariableRole.Environment) is not { } variable)
        {
            return map;
        }

        foreach (var value in variable.Values.IsEmpty ? new[] { variable.Default } : variable.Values.ToArray())
        {
            var named = EnvironmentsNamedIn(value);
            if (named.Count == 1 && !map.ContainsKey(named[0]))
            {
                map[named[0]] = value;
            }
        }

        return map;
    }
}
