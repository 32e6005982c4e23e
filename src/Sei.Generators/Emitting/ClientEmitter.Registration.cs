namespace Sei.Generators.Emitting;

internal static partial class ClientEmitter
{
    /// <summary>The registration class's private factory, which both overloads hand to the runtime.</summary>
    private const string FactoryName = "CreateClient";

    /// <summary>
    /// The registration on IServiceCollection: a typed client on IHttpClientFactory with its own options
    /// and SEI's retry rules. It stays in the client's namespace, as Microsoft's guidance for libraries
    /// that are not Microsoft's asks (Microsoft.Extensions.DependencyInjection is theirs); its name
    /// carries the version, so a file that imports two versions of one product calls both.
    /// </summary>
    private static void EmitRegistration(CodeWriter writer, EmitContext context)
    {
        var model = context.Model;
        var client = context.Client;
        writer.Summary("Registers " + model.ClientName + " (" + context.Namespace + ") with dependency injection.");
        writer.Line(EmitContext.GeneratedCodeAttribute);
        writer.Open("public static class " + GeneratedNames.RegistrationClassOf(model.ClientName));
        Overload("with its own options and SEI's retry rules", "configure", "Sets the client's options (environment, base address, retries), or <see langword=\"null\"/> for the defaults.", KnownTypes.Action + "<" + KnownTypes.SeiClientOptions + ">? configure = null");
        writer.Line();
        Overload("with options read from configuration", "configuration", "The configuration section with the client's options, such as <c>Sei:Accounts</c>.", KnownTypes.IConfiguration + " configuration");
        writer.Line();

        // One factory for both overloads: the client gets its logger from the container, if it has one.
        var logger = KnownTypes.ILogger + "<" + client + ">";
        writer.Line("private static " + client + " " + FactoryName + "(");
        WriteSignature(writer, new List<string> { KnownTypes.HttpClient + " httpClient", KnownTypes.SeiClientOptions + " options", KnownTypes.IServiceProvider + " provider" }, ")");
        writer.Line("    => new " + client + "(httpClient, options, (" + logger + "?)provider.GetService(typeof(" + logger + ")));");
        writer.Close();

        // The two overloads differ only in where the options come from.
        void Overload(string options, string parameter, string parameterDoc, string declaration)
        {
            writer.Summary("Registers " + model.ClientName + " of " + context.Namespace + ", and " + GeneratedNames.InterfaceOf(model.ClientName) + " for it, as a typed client on IHttpClientFactory, " + options + ".");
            writer.Param("services", "The service collection.");
            writer.Param(parameter, parameterDoc);
            writer.Line("/// <returns>The HTTP client builder, to add handlers such as authentication.</returns>");
            writer.Line("public static " + KnownTypes.IHttpClientBuilder + " " + model.RegistrationName + "(");
            WriteSignature(writer, new List<string> { "this " + KnownTypes.IServiceCollection + " services", declaration }, ")");
            writer.Line("    => " + KnownTypes.SeiClientRegistration + ".AddSeiClient<" + context.Interface + ", " + client + ">(");
            writer.Line("        services, " + client + "." + GeneratedNames.Api + ", " + FactoryName + ", " + parameter + ");");
        }
    }
}
