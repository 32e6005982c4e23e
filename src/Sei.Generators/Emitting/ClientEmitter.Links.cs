namespace Sei.Generators.Emitting;

internal static partial class ClientEmitter
{
    /// <summary>
    /// Link following lives in the client's base class (FollowAsync, by the type the caller names or by
    /// the GET operation a link's path matches); the client lists its GET operations for the second.
    /// How to read a named type comes from the type's own [JsonConverter], so no table of readers is
    /// emitted, and trimming and native AOT keep what the routes name.
    /// </summary>
    private static void EmitLinks(CodeWriter writer, EmitContext context)
    {
        var routes = context.Model.Operations
            .Where(o => o.HttpMethod == HttpMethods.Get && o.Response.Kind == ResponseKind.Json && o.Response.Type is { Kind: TypeKind.Named })
            .Select(o => "new(" + EmitContext.Literal(o.Path) + ", typeof(" + context.Qualified(o.Response.Type!.Name!) + "))")
            .ToList();
        if (routes.Count == 0)
        {
            return;
        }

        writer.Line("/// <inheritdoc/>");
        writer.Line(EmitContext.HiddenAttribute);
        writer.Line("protected override " + KnownTypes.IReadOnlyList + "<" + KnownTypes.SeiRoute + "> " + GeneratedNames.LinkRoutes + " { get; } = new " + KnownTypes.SeiRoute + "[] { " + string.Join(", ", routes) + " };");
    }
}
