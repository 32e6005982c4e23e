namespace Sei.Generators.Emitting;

internal static partial class ClientEmitter
{
    /// <summary>Typed helpers for the OpenAPI Link Objects of an operation's success response.</summary>
    private static void EmitLinkHelpers(CodeWriter writer, EmitContext context, OperationModel operation, MemberSite site)
    {
        foreach (var helper in operation.LinkHelpers)
        {
            var target = context.Model.Operations.First(o => o.MethodName == helper.TargetMethodName);
            var returnType = target.Paging is { } paging
                ? KnownTypes.IAsyncEnumerable + "<" + context.Spell(paging.ItemType) + ">"
                : KnownTypes.Task + "<" + ResponseType(context, target) + ">";
            writer.Line();
            var declaration = returnType + " " + helper.MethodName + "(" + context.Spell(helper.SourceType) + " source, " + KnownTypes.CancellationToken + " " + CancellationTokenName + " = default)";
            if (site == MemberSite.Class)
            {
                writer.Line("/// <inheritdoc/>");
                writer.Open("public " + declaration);
            }
            else
            {
                writer.Summary(helper.Summary ?? "Follows the '" + helper.LinkName + "' link of " + operation.DisplayName + ": calls " + target.DisplayName + " with values from the response.");
                writer.Param("source", "The value " + CodeWriter.Xml(operation.DisplayName) + " returned.");
                writer.Param(CancellationTokenName, "Cancels the request.");
                writer.Doc("returns", "What " + target.DisplayName + " returns.");
                writer.Line("/// <exception cref=\"" + KnownTypes.SeiLinkException + "\">A value the link needs is missing from the response.</exception>");
                writer.Line(declaration + ";");
                continue;
            }

            writer.Line("if (source is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(source));");
            var arguments = helper.Arguments.Select(argument =>
            {
                var access = EmitContext.MemberAccess("source", argument.Path, out var nullable);
                var value = nullable
                    ? "(" + access + " ?? throw new " + KnownTypes.SeiLinkException + "(" + EmitContext.Literal(helper.LinkName) + ", null, " + EmitContext.Literal("The '" + helper.LinkName + "' link needs " + argument.Expression + ", which the response does not have.") + "))"
                    : access;
                return EmitContext.Identifier(argument.ParameterName) + ": " + value;
            });
            writer.Line("return " + target.MethodName + "(" + string.Join(", ", arguments.Concat(new[] { CancellationTokenName + ": " + CancellationTokenName })) + ");");
            writer.Close();
        }
    }
}
