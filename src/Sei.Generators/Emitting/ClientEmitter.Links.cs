using System.Linq;
using Sei.Generators.Model;

namespace Sei.Generators.Emitting;

internal static partial class ClientEmitter
{
    /// <summary>
    /// Link following: FollowAsync&lt;T&gt; reads into a type the caller names (any type of this API, or
    /// JsonElement); FollowAsync without a type reads as the GET operation the link's path matches.
    /// The readers are listed here, not found by reflection, so trimming and native AOT keep them.
    /// </summary>
    private static void EmitLinks(CodeWriter writer, EmitContext context)
    {
        const string ReadFunc = "global::Sei.Client.Json.SeiJsonReadFunc<object>";
        writer.Line("private static readonly global::System.Collections.Generic.Dictionary<global::System.Type, " + ReadFunc + "> Readers = new global::System.Collections.Generic.Dictionary<global::System.Type, " + ReadFunc + ">");
        writer.Line("{");
        writer.Line("    [typeof(global::System.Text.Json.JsonElement)] = static (ref global::System.Text.Json.Utf8JsonReader reader) => global::Sei.Client.Json.SeiJson.ReadElement(ref reader),");
        foreach (var declaration in context.Model.Types)
        {
            writer.Line("    [typeof(" + context.Qualified(declaration.Name) + ")] = static (ref global::System.Text.Json.Utf8JsonReader reader) => " + context.Converter(declaration.Name) + ".ReadValue(ref reader),");
        }

        writer.Line("};");
        writer.Line();
        var routes = context.Model.Operations
            .Where(o => o.HttpMethod == "GET" && o.Response.Kind == ResponseKind.Json && o.Response.Type is { Kind: TypeKind.Named } type)
            .Select(o => "new global::Sei.Client.SeiRoute(" + EmitContext.Literal(o.Path) + ", typeof(" + context.Qualified(o.Response.Type!.Name!) + "))");
        writer.Line("private static readonly global::Sei.Client.SeiRoute[] Routes = { " + string.Join(", ", routes) + " };");
        writer.Line();

        writer.Summary("Follows the link with the given relation (a GET of its href) and reads the response as T, a type of this API or JsonElement.");
        writer.Line("/// <typeparam name=\"T\">The type the linked resource reads into.</typeparam>");
        writer.Line("/// <param name=\"links\">The links, such as a resource's <c>Links</c>.</param>");
        writer.Line("/// <param name=\"rel\">The relation to follow.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line("/// <returns>The linked resource and the request's tracking ID.</returns>");
        writer.Line("/// <exception cref=\"global::Sei.Client.SeiLinkException\">No link has the relation, or it leads to another host (credentials stay with the API).</exception>");
        writer.Line("public global::System.Threading.Tasks.Task<global::Sei.Client.SeiResponse<T>> FollowAsync<T>(global::System.Collections.Generic.IEnumerable<global::Sei.Client.ISeiLink>? links, string rel, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    => FollowLinkAsync(links, rel, ReaderFor<T>(), cancellationToken);");
        writer.Line();
        writer.Summary("Follows an href (a GET, absolute or relative to the API's server) and reads the response as T, a type of this API or JsonElement.");
        writer.Line("/// <typeparam name=\"T\">The type the linked resource reads into.</typeparam>");
        writer.Line("/// <param name=\"href\">The URL, such as a resource's <c>Href</c>.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line("/// <returns>The linked resource and the request's tracking ID.</returns>");
        writer.Line("/// <exception cref=\"global::Sei.Client.SeiLinkException\">The href is not a URL, or it leads to another host.</exception>");
        writer.Line("public global::System.Threading.Tasks.Task<global::Sei.Client.SeiResponse<T>> FollowAsync<T>(string href, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("    => FollowHrefAsync(href, null, ReaderFor<T>(), cancellationToken);");
        writer.Line();
        writer.Summary("Follows the link with the given relation and reads the response as the GET operation of this API that its path matches; pattern-match the value on the type you expect.");
        writer.Line("/// <param name=\"links\">The links, such as a resource's <c>Links</c>.</param>");
        writer.Line("/// <param name=\"rel\">The relation to follow.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line("/// <returns>The linked resource, typed as that operation returns it, and the request's tracking ID.</returns>");
        writer.Line("/// <exception cref=\"global::Sei.Client.SeiLinkException\">No link has the relation, it leads to another host, or its path matches no GET operation of this API.</exception>");
        writer.Open("public global::System.Threading.Tasks.Task<global::Sei.Client.SeiResponse<object>> FollowAsync(global::System.Collections.Generic.IEnumerable<global::Sei.Client.ISeiLink>? links, string rel, global::System.Threading.CancellationToken cancellationToken = default)");
        writer.Line("var __href = FindLink(links, rel);");
        writer.Line("var __route = global::Sei.Client.SeiRoute.Match(ResolveLink(__href, rel).AbsolutePath, Routes)");
        writer.Line("    ?? throw new global::Sei.Client.SeiLinkException(rel, __href, \"The link '\" + rel + \"' leads to \" + __href + \", which matches no GET operation of this API; call FollowAsync<T> and name the type it returns.\");");
        writer.Line("return FollowHrefAsync(__href, rel, Readers[__route.ResponseType], cancellationToken);");
        writer.Close();
        writer.Line();
        writer.Open("private static global::Sei.Client.Json.SeiJsonReadFunc<T> ReaderFor<T>()");
        writer.Open("if (Readers.TryGetValue(typeof(T), out var __read))");
        writer.Line("return (ref global::System.Text.Json.Utf8JsonReader reader) => (T)__read(ref reader);");
        writer.Close();
        writer.Line("throw new global::System.ArgumentException(typeof(T).FullName + \" is not a type of this API; name one of its generated types, or JsonElement.\", nameof(T));");
        writer.Close();
    }
}
