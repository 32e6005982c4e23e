namespace Sei.Generators.Emitting;

internal static partial class ClientEmitter
{
    /// <summary>
    /// The client's interface: every operation, page and link method, documented and carrying the
    /// metadata the analyzers read, so application code depends on it and tests substitute it. The
    /// class implements it and inherits its documentation, so each fact is written once.
    /// </summary>
    private static void EmitInterface(CodeWriter writer, EmitContext context)
    {
        var model = context.Model;
        writer.Summary("The operations of " + model.Title + " that " + model.ClientName + " calls: depend on this interface, and a test can substitute it without HTTP.");
        writer.Doc("remarks", model.RegistrationName + " registers it with the client. Following links (FollowAsync) and the server URL come from ISeiClient.");
        writer.Line(EmitContext.GeneratedCodeAttribute);

        // Facts every operation shares are written once, here, rather than on each operation's metadata.
        writer.Line("[" + KnownTypes.SeiClient + "(LongestServerUrl = " + context.Client + "." + GeneratedNames.LongestServerUrl + ")]");
        writer.Open("public partial interface " + GeneratedNames.InterfaceOf(model.ClientName) + " : " + KnownTypes.ISeiClient);
        for (var i = 0; i < model.Operations.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            EmitOperation(writer, context, model.Operations[i], MemberSite.Interface);
        }

        writer.Close();
    }

    /// <summary>Where a method is written: in the interface (documentation, metadata, no body) or in the class (the body).</summary>
    private enum MemberSite
    {
        Interface,
        Class,
    }
}
