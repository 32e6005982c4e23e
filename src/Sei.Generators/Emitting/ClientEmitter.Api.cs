namespace Sei.Generators.Emitting;

/// <summary>Emitting, for the client's <c>Api</c> description: servers, environments, security schemes and operations' security, and the typed server variables.</summary>
internal static partial class ClientEmitter
{
    private static void EmitApiDescription(CodeWriter writer, ClientModel model)
    {
        writer.Summary("What the API document says of its servers (and the SEI environment each serves), its security schemes with their OAuth 2.0 flows, and the security of each operation: where calls and token requests go, and which calls carry which token.");
        writer.Line("public static " + KnownTypes.SeiApiDescription + " " + GeneratedNames.Api + " { get; } = new " + KnownTypes.SeiApiDescription + "(");
        writer.Indent();
        writer.Line("new " + KnownTypes.SeiServer + "[]");
        writer.Line("{");
        writer.Indent();
        foreach (var server in model.Servers)
        {
            writer.Line(Server(server) + ",");
        }

        writer.Outdent();
        writer.Line("},");
        writer.Line("new " + KnownTypes.SeiSecurityScheme + "[]");
        writer.Line("{");
        writer.Indent();
        foreach (var scheme in model.Security.Schemes)
        {
            writer.Line(Scheme(scheme) + ",");
        }

        writer.Outdent();
        writer.Line("},");
        writer.Line((model.Security.Default is { } security ? Security(security) : "null") + (model.Security.Operations.IsEmpty ? ");" : ","));
        if (!model.Security.Operations.IsEmpty)
        {
            writer.Line("new " + KnownTypes.Dictionary + "<string, " + KnownTypes.SeiSecurity + ">");
            writer.Line("{");
            writer.Indent();
            foreach (var operation in model.Security.Operations)
            {
                writer.Line("[" + EmitContext.Literal(operation.HttpMethod + " " + operation.Path) + "] = " + Security(operation.Security) + ",");
            }

            writer.Outdent();
            writer.Line("});");
        }

        writer.Outdent();
    }

    /// <summary>The nested <c>ServerVariables</c> class: the allowed values of each variable the application sets itself, typed.</summary>
    private static void EmitServerVariables(CodeWriter writer, ClientModel model)
    {
        if (model.ServerVariableOptions.IsEmpty)
        {
            return;
        }

        writer.Line();
        writer.Line("/// <summary>The API document's server variables, with the values it allows, for <see cref=\"" + KnownTypes.SeiClientOptions + ".SetServerVariable\"/> (in configuration: <c>ServerVariables:name</c>). The environment and port variables are set by <see cref=\"" + KnownTypes.SeiClientOptions + ".Environment\"/> and <see cref=\"" + KnownTypes.SeiClientOptions + ".UseMutualTlsPort\"/>.</summary>");
        writer.Open("public static class " + GeneratedNames.ServerVariablesClass);
        var first = true;
        foreach (var option in model.ServerVariableOptions)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Line("/// <summary>The server variable <c>" + CodeWriter.Xml(option.VariableName) + "</c>" + (option.Description is null ? string.Empty : ": " + CodeWriter.Xml(option.Description.TrimEnd('.'))) + ". The document's default is <c>" + CodeWriter.Xml(option.Default) + "</c>.</summary>");
            writer.Open("public static class " + option.ClassName);
            if (option.Values.IsEmpty)
            {
                writer.Line("/// <summary>A value of <c>" + CodeWriter.Xml(option.VariableName) + "</c>; the document allows any.</summary>");
                writer.Param("value", "The value.");
                writer.Line("/// <returns>The variable and its value.</returns>");
                writer.Line("public static " + KnownTypes.SeiServerVariableValue + " " + GeneratedNames.ServerVariableFactory + "(string value) => new(" + EmitContext.Literal(option.VariableName) + ", value);");
            }

            foreach (var value in option.Values)
            {
                writer.Line("/// <summary>The value <c>" + CodeWriter.Xml(value.Value) + "</c>.</summary>");
                writer.Line("public static " + KnownTypes.SeiServerVariableValue + " " + value.MemberName + " { get; } = new(" + EmitContext.Literal(option.VariableName) + ", " + EmitContext.Literal(value.Value) + ");");
            }

            writer.Close();
        }

        writer.Close();
    }

    private static string Server(ServerModel server)
    {
        var arguments = new List<string> { EmitContext.Literal(server.Url) };
        var plain = server.Environments.Where(e => e.VariableValue is null).Select(e => KnownTypes.SeiEnvironment + "." + e.Environment).ToList();
        var variables = server.Variables.Select(v => Variable(v, server.Environments)).ToList();
        if (server.Description is not null || plain.Count > 0 || variables.Count > 0)
        {
            arguments.Add(server.Description is null ? "null" : EmitContext.Literal(FirstLine(server.Description)));
        }

        if (plain.Count > 0 || variables.Count > 0)
        {
            arguments.Add(plain.Count == 0 ? "null" : "new[] { " + string.Join(", ", plain) + " }");
        }

        arguments.AddRange(variables);
        return "new(" + string.Join(", ", arguments) + ")";
    }

    private static string Variable(ServerVariableModel variable, EquatableArray<EnvironmentAssignment> environments)
    {
        var name = EmitContext.Literal(variable.Name);
        var defaultValue = EmitContext.Literal(variable.Default);
        var values = variable.Values.Select(EmitContext.Literal).ToList();
        switch (variable.Role)
        {
            case ServerVariableRole.Environment:
                var named = environments.Where(e => e.VariableValue is not null)
                    .Select(e => EnvironmentArgument(e.Environment) + ": " + EmitContext.Literal(e.VariableValue!));
                return KnownTypes.SeiServerVariable + ".ForEnvironments(" + name + ", " + defaultValue + ", "
                    + (values.Count == 0 ? "null" : "new[] { " + string.Join(", ", values) + " }")
                    + string.Concat(named.Select(n => ", " + n)) + ")";
            case ServerVariableRole.MutualTlsPort:
                return KnownTypes.SeiServerVariable + ".ForMutualTlsPort(" + string.Join(", ", new[] { name, defaultValue }.Concat(values)) + ")";
            default:
                return "new " + KnownTypes.SeiServerVariable + "(" + string.Join(", ", new[] { name, defaultValue }.Concat(values)) + ")";
        }
    }

    /// <summary>The parameter of <c>SeiServerVariable.ForEnvironments</c> that takes an environment's value.</summary>
    private static string EnvironmentArgument(DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Dev => "dev",
        DeploymentEnvironment.Qa => "qa",
        DeploymentEnvironment.Pilot => "pilot",
        DeploymentEnvironment.Prod => "prod",
        _ => throw new System.InvalidOperationException("The environment " + environment + " has no parameter of SeiServerVariable.ForEnvironments."),
    };

    private static string Scheme(SecuritySchemeModel scheme)
    {
        var arguments = new List<string> { EmitContext.Literal(scheme.Name), KnownTypes.SeiSecuritySchemeKind + "." + scheme.Kind };
        foreach (var flow in scheme.Flows)
        {
            var flowArguments = new List<string> { KnownTypes.SeiOAuthFlowKind + "." + flow.Kind };
            if (flow.TokenUrl is not null)
            {
                flowArguments.Add("tokenUrl: " + EmitContext.Literal(flow.TokenUrl));
            }

            if (flow.AuthorizationUrl is not null)
            {
                flowArguments.Add("authorizationUrl: " + EmitContext.Literal(flow.AuthorizationUrl));
            }

            if (flow.RefreshUrl is not null)
            {
                flowArguments.Add("refreshUrl: " + EmitContext.Literal(flow.RefreshUrl));
            }

            arguments.Add("new " + KnownTypes.SeiOAuthFlow + "(" + string.Join(", ", flowArguments) + ")");
        }

        var apiKey = scheme.Kind == SecuritySchemeKind.ApiKey && scheme.ParameterName is { } parameter
            ? " { ParameterName = " + EmitContext.Literal(parameter) + ", ParameterLocation = " + KnownTypes.SeiApiKeyLocation + "." + scheme.ParameterLocation + " }"
            : string.Empty;
        return "new(" + string.Join(", ", arguments) + ")" + apiKey;
    }

    private static string Security(SecurityModel security)
    {
        if (security.Alternatives.IsEmpty)
        {
            return KnownTypes.SeiSecurity + ".Anonymous";
        }

        if (security.Alternatives.Count == 1 && security.Alternatives[0].Schemes.Count == 1)
        {
            return KnownTypes.SeiSecurity + ".Require(" + SchemeAndScopes(security.Alternatives[0].Schemes[0]) + ")";
        }

        return "new " + KnownTypes.SeiSecurity + "(" + string.Join(", ", security.Alternatives.Select(Requirement)) + ")";
    }

    private static string Requirement(SecurityRequirementModel requirement)
    {
        if (requirement.Schemes.IsEmpty)
        {
            return KnownTypes.SeiSecurityRequirement + ".None";
        }

        var text = "new " + KnownTypes.SeiSecurityRequirement + "(" + SchemeAndScopes(requirement.Schemes[0]) + ")";
        foreach (var scheme in requirement.Schemes.Skip(1))
        {
            text += ".And(" + SchemeAndScopes(scheme) + ")";
        }

        return text;
    }

    private static string SchemeAndScopes(SchemeRequirementModel scheme)
        => string.Join(", ", new[] { scheme.Scheme }.Concat(scheme.Scopes).Select(EmitContext.Literal));

    private static string FirstLine(string description)
    {
        const int MaxLength = 80;
        return description.Length <= MaxLength ? description : description.Substring(0, MaxLength).TrimEnd() + "...";
    }
}
