namespace Sei.Generators.Emitting;

/// <summary>Emitting, for the client: one async method per operation, with the metadata analyzers read.</summary>
internal static partial class ClientEmitter
{
    /// <summary>The operation methods' last parameter, which Building keeps free of the document's names.</summary>
    private const string CancellationTokenName = GeneratedNames.CancellationTokenParameter;

    public static string Emit(EmitContext context)
    {
        var model = context.Model;
        var writer = SourceHeader.Start(context.Namespace);
        writer.Summary("Client for " + model.Title + (model.DocumentVersion.Length > 0 ? " (document version " + model.DocumentVersion + ")" : string.Empty) + ".");
        if (model.Description is not null)
        {
            writer.Doc("remarks", model.Description);
        }

        writer.Line(EmitContext.GeneratedCodeAttribute);

        // The bare name declares the class and its constructor; every reference to it is qualified (context.Client).
        writer.Open("public partial class " + model.ClientName + " : " + KnownTypes.SeiClientBase + ", " + context.Interface);
        writer.Summary("The first server the API document lists, with its variables at their defaults; used when no other server URL is configured.");
        writer.Line("public const string " + GeneratedNames.DefaultServerUrl + " = " + EmitContext.Literal(model.DefaultServerUrl) + ";");
        writer.Line();
        writer.Summary("The longest URL the API document's servers expand to (each variable at its longest allowed value); URL-length checks count from it.");
        writer.Line(EmitContext.HiddenAttribute);
        writer.Line("public const string " + GeneratedNames.LongestServerUrl + " = " + EmitContext.Literal(model.LongestServerUrl) + ";");
        writer.Line();
        writer.Summary("Initializes a new instance of the " + model.ClientName + " class.");
        writer.Param("httpClient", "The HTTP client to send with; its handlers (authentication, retries) apply.");
        writer.Param("options", "The client's settings, or <see langword=\"null\"/> for the defaults.");
        writer.Param(GeneratedNames.LoggerParameter, "Where requests and their tracking IDs are logged.");
        writer.Line("public " + model.ClientName + "(");
        WriteSignature(writer, new List<string> { KnownTypes.HttpClient + " httpClient", KnownTypes.SeiClientOptions + "? options = null", KnownTypes.ILogger + "<" + context.Client + ">? " + GeneratedNames.LoggerParameter + " = null" }, ")");
        writer.Line("    : base(httpClient, options, " + GeneratedNames.LoggerParameter + ", " + GeneratedNames.Api + ")");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Summary("Creates a client without dependency injection: its own HTTP client with SEI's retries, the client credentials and the client certificate the options name.");
        writer.Param("options", "The client's settings.");
        writer.Param(GeneratedNames.LoggerFactoryParameter, "Where requests, tracking IDs and token requests are logged.");
        writer.Line("/// <returns>A client that owns its HTTP client for its whole life; create one and reuse it.</returns>");
        var loggerFactory = GeneratedNames.LoggerFactoryParameter;
        writer.Line("public static " + context.Client + " " + GeneratedNames.ClientFactoryMethod + "(");
        WriteSignature(writer, new List<string> { KnownTypes.SeiClientOptions + " options", KnownTypes.ILoggerFactory + "? " + loggerFactory + " = null" }, ")");
        writer.Line("    => new " + context.Client + "(");
        writer.Indent().Indent();
        writer.Line(KnownTypes.SeiHttpClientFactory + ".Create(" + GeneratedNames.Api + ", options, " + loggerFactory + "),");
        writer.Line("options,");
        writer.Line(loggerFactory + " is null ? null : new " + KnownTypes.Logger + "<" + context.Client + ">(" + loggerFactory + "));");
        writer.Outdent().Outdent();
        writer.Line();
        EmitApiDescription(writer, model);
        EmitServerVariables(writer, model);
        foreach (var operation in model.Operations)
        {
            writer.Line();
            EmitOperation(writer, context, operation, MemberSite.Class);
        }

        writer.Line();
        EmitLinks(writer, context);
        EmitResponseClasses(writer, context);
        writer.Close();
        writer.Line();
        EmitInterface(writer, context);
        writer.Line();
        EmitRegistration(writer, context);
        return writer.ToString();
    }

    private static void EmitOperation(CodeWriter writer, EmitContext context, OperationModel operation, MemberSite site)
    {
        var forms = new[] { (operation.MethodName, Body: operation.Body) }
            .Concat(operation.BodyVariants.Select(v => (v.MethodName, Body: (BodyModel?)v.Body)))
            .ToList();
        EmitMethods(writer, context, operation, BodyNote(forms, 0), site);
        EmitLinkHelpers(writer, context, operation, site);

        // The body's other media types: the same methods again, each with its own name and body.
        for (var i = 0; i < operation.BodyVariants.Count; i++)
        {
            var variant = operation.BodyVariants[i];
            writer.Line();
            EmitMethods(
                writer,
                context,
                operation with
                {
                    MethodName = variant.MethodName,
                    Body = variant.Body,
                    Paging = operation.Paging is { } paging ? paging with { PageMethodName = variant.PageMethodName! } : null,
                },
                BodyNote(forms, i + 1),
                site);
        }
    }

    private static void EmitMethods(CodeWriter writer, EmitContext context, OperationModel operation, string? bodyNote, MemberSite site)
    {
        if (operation.Paging is { } paging)
        {
            EmitAllItemsMethod(writer, context, operation, paging, bodyNote, site);
            writer.Line();
            EmitMethod(writer, context, operation, paging, bodyNote, site);
        }
        else
        {
            EmitMethod(writer, context, operation, null, bodyNote, site);
        }
    }

    /// <summary>When the body is offered in several media types: which one this method sends, and which methods send the others.</summary>
    private static string? BodyNote(List<(string MethodName, BodyModel? Body)> forms, int index)
    {
        if (forms.Count < 2)
        {
            return null;
        }

        var others = forms.Where((_, i) => i != index).Select(f => f.MethodName + " sends it as " + f.Body!.MediaType);
        return "The body is sent as " + forms[index].Body!.MediaType + "; " + string.Join(", ", others) + ".";
    }

    private static void WriteRemarks(CodeWriter writer, params string?[] parts)
    {
        var present = parts.Where(p => p is not null).ToList();
        if (present.Count > 0)
        {
            writer.Doc("remarks", string.Join(" ", present));
        }
    }

    /// <summary>The method that sends one request: the operation itself, or one page of a paged list.</summary>
    private static void EmitMethod(CodeWriter writer, EmitContext context, OperationModel operation, PagingModel? paging, string? bodyNote, MemberSite site)
    {
        var parameters = OrderedParameters(operation);
        if (site == MemberSite.Interface)
        {
            writer.Summary(paging is null
                ? operation.Summary ?? operation.Description ?? operation.SummaryOrRoute + "."
                : operation.SummaryOrRoute.TrimEnd('.') + ": one page.");
            WriteRemarks(writer, operation.Summary is not null ? operation.Description : null, bodyNote);
            DocumentParameters(writer, parameters);
            if (paging is not null)
            {
                writer.Param(paging.CursorParameterName, "Where to start: a cursor from an earlier page (<see cref=\"" + KnownTypes.SeiPage + "{T}.Cursors\"/>), or <see langword=\"null\"/> for the first page.");
            }

            writer.Param(CancellationTokenName, "Cancels the request.");
            writer.Doc("returns", paging is null
                ? "The response" + (operation.Response.Summary is null ? string.Empty : ": " + operation.Response.Summary.TrimEnd('.')) + ". It carries the request's tracking ID"
                    + (operation.ResponseHeaders is null ? string.Empty : " and the headers the document declares")
                    + (operation.NotModifiedIsResult ? "; test IsNotModified after a conditional request" : string.Empty) + "."
                : "The page's items, the paging figures and cursors, and the request's tracking ID.");
            WriteExceptionDocs(writer);
        }

        WriteMethodAttributes(writer, operation, site);
        var signature = Signature(context, parameters, site);
        if (paging is not null)
        {
            signature.Insert(signature.Count - 1, KnownTypes.SeiCursor + "? " + paging.CursorParameterName + " = null");
        }

        var returnType = KnownTypes.Task + "<" + (paging is null ? ResponseType(context, operation) : PageType(context, operation, paging)) + ">";
        if (!Declare(writer, site, IsAsync(operation, paging), returnType, paging?.PageMethodName ?? operation.MethodName, signature))
        {
            return;
        }

        writer.Line("{");
        writer.Indent();
        EmitBody(writer, context, operation, operation.DisplayName, paging);
        writer.Close();
    }

    /// <summary>The method that streams every item of a paged list, one request per page, as the caller reads.</summary>
    private static void EmitAllItemsMethod(CodeWriter writer, EmitContext context, OperationModel operation, PagingModel paging, string? bodyNote, MemberSite site)
    {
        var parameters = OrderedParameters(operation);
        if (site == MemberSite.Interface)
        {
            writer.Summary(operation.SummaryOrRoute.TrimEnd('.') + ": every item of every page.");
            WriteRemarks(writer, "Pages are requested lazily, one at a time, following the paging object's next cursor until it is absent or empty; the other arguments are kept from page to page. Use " + paging.PageMethodName + " for one page at a time, its figures and tracking ID.", bodyNote);
            DocumentParameters(writer, parameters);
            writer.Param(CancellationTokenName, "Cancels paging, between pages and during a request.");
            writer.Doc("returns", "The items, in order.");
            WriteExceptionDocs(writer);
            writer.Line("/// <exception cref=\"" + KnownTypes.SeiPagingException + "\">The server repeated a next cursor, which would loop forever.</exception>");
        }

        WriteMethodAttributes(writer, operation, site);
        var itemType = context.Spell(paging.ItemType);
        if (!Declare(writer, site, isAsync: false, KnownTypes.IAsyncEnumerable + "<" + itemType + ">", operation.MethodName, Signature(context, parameters, site)))
        {
            return;
        }

        var arguments = string.Join(", ", parameters.Select(p => EmitContext.Identifier(p.Parameter?.Name ?? p.Body!.Name)).Concat(new[] { "__cursor", "__cancellationToken" }));
        // A page method that returns a page with a typed response gives a SeiPage<T, TResponse>: awaited, it is the SeiPage<T> paging wants.
        var fetch = operation.ResponseHeaders is null
            ? "(__cursor, __cancellationToken) => " + paging.PageMethodName + "(" + arguments + ")"
            : "async (__cursor, __cancellationToken) => await " + paging.PageMethodName + "(" + arguments + ").ConfigureAwait(false)";
        writer.Line("    => " + KnownTypes.SeiPaging + ".EnumerateAsync<" + itemType + ">(" + EmitContext.Literal(operation.DisplayName) + ", " + fetch + ", " + CancellationTokenName + ");");
    }

    private static void DocumentParameters(CodeWriter writer, List<(ParameterModel? Parameter, BodyModel? Body)> parameters)
    {
        foreach (var (parameter, body) in parameters)
        {
            var name = parameter?.Name ?? body!.Name;
            var documented = parameter?.Summary ?? body?.Summary;
            var text = documented is not null
                ? CodeWriter.Xml(documented)
                : parameter is null ? "The request body." : "The <c>" + CodeWriter.Xml(parameter.WireName) + "</c> " + parameter.Location.ToString().ToLowerInvariant() + " parameter.";
            if (body is { CallerEncodes: true })
            {
                text = text.TrimEnd('.') + ", already encoded as " + CodeWriter.Xml(body.MediaType) + ": the client sends these bytes as they are.";
            }
            writer.Param(name, text);
        }
    }

    private static void WriteExceptionDocs(CodeWriter writer)
    {
        writer.Line("/// <exception cref=\"" + KnownTypes.SeiApiException + "\">The server answered with an error status; the exception carries the SEI error envelope and the tracking ID.</exception>");
    }

    /// <summary>
    /// The interface's member carries the documentation and the metadata analyzers read; the class's
    /// inherits the documentation and repeats only what a call on the class itself must see (Obsolete).
    /// </summary>
    private static void WriteMethodAttributes(CodeWriter writer, OperationModel operation, MemberSite site)
    {
        if (site == MemberSite.Class)
        {
            writer.Line("/// <inheritdoc/>");
        }

        if (operation.IsDeprecated)
        {
            writer.Line("[" + KnownTypes.Obsolete + "(\"The API document marks this operation as deprecated.\")]");
        }

        if (site == MemberSite.Class)
        {
            return;
        }

        writer.Line("[" + KnownTypes.SeiOperation + "(" + EmitContext.Literal(operation.HttpMethod) + ", " + EmitContext.Literal(operation.Path)
            + (operation.OperationId is null ? string.Empty : ", OperationId = " + EmitContext.Literal(operation.OperationId))
            + (operation.SearchAlternative is { } search ? ", SearchOperation = " + EmitContext.Literal(search.MethodName) : string.Empty)
            + ")]");
    }

    private static List<string> Signature(EmitContext context, List<(ParameterModel? Parameter, BodyModel? Body)> parameters, MemberSite site)
    {
        var metadata = site == MemberSite.Interface;
        var signature = parameters.Select(p => p.Parameter is { } parameter ? ParameterDeclaration(context, parameter, metadata) : BodyDeclaration(context, p.Body!, metadata)).ToList();
        signature.Add(KnownTypes.CancellationToken + " " + CancellationTokenName + " = default");
        return signature;
    }

    /// <summary>
    /// A method's declaration and parameters: in the interface a member without a body, in the class the
    /// head of a public method. Returns whether a body follows.
    /// </summary>
    private static bool Declare(CodeWriter writer, MemberSite site, bool isAsync, string returnType, string name, List<string> signature)
    {
        var inInterface = site == MemberSite.Interface;
        writer.Line((inInterface ? string.Empty : "public " + (isAsync ? "async " : string.Empty)) + returnType + " " + name + "(");
        WriteSignature(writer, signature, inInterface ? ");" : ")");
        return !inInterface;
    }

    /// <summary>One parameter per line; <paramref name="close"/> ends the last (<c>)</c> before a body, <c>);</c> in the interface).</summary>
    private static void WriteSignature(CodeWriter writer, List<string> signature, string close)
    {
        writer.Indent();
        for (var i = 0; i < signature.Count; i++)
        {
            writer.Line(signature[i] + (i == signature.Count - 1 ? close : ","));
        }

        writer.Outdent();
    }

    /// <summary>Required parameters first (path, then the others, then a required body), then optional ones.</summary>
    private static List<(ParameterModel? Parameter, BodyModel? Body)> OrderedParameters(OperationModel operation)
    {
        var ordered = new List<(ParameterModel? Parameter, BodyModel? Body)>();
        ordered.AddRange(operation.Parameters.Where(p => p.IsRequired).OrderBy(p => p.Location == ParameterLocation.Path ? 0 : 1).Select(p => ((ParameterModel?)p, (BodyModel?)null)));
        if (operation.Body is { IsRequired: true } requiredBody)
        {
            ordered.Add((null, requiredBody));
        }

        if (operation.Body is { IsRequired: false } optionalBody)
        {
            ordered.Add((null, optionalBody));
        }

        ordered.AddRange(operation.Parameters.Where(p => !p.IsRequired).Select(p => ((ParameterModel?)p, (BodyModel?)null)));
        return ordered;
    }

    private static string ParameterDeclaration(EmitContext context, ParameterModel parameter, bool metadata)
    {
        var declaration = context.Spell(parameter.Type) + " " + EmitContext.Identifier(parameter.Name) + (parameter.IsRequired ? string.Empty : " = null");
        if (!metadata)
        {
            return declaration;
        }

        // A query parameter, the common case, is the attribute's default and is not spelled out.
        var location = parameter.Location switch
        {
            ParameterLocation.Query => string.Empty,
            ParameterLocation.Path => ", " + KnownTypes.SeiParameterLocation + ".Path",
            ParameterLocation.Header => ", " + KnownTypes.SeiParameterLocation + ".Header",
            ParameterLocation.Cookie => ", " + KnownTypes.SeiParameterLocation + ".Cookie",
            _ => throw new System.InvalidOperationException("The parameter location " + parameter.Location + " has no SeiParameterLocation."),
        };
        var attribute = "[" + KnownTypes.SeiParameter + "(" + EmitContext.Literal(parameter.WireName) + location
            + (parameter.MaxLength is { } maxLength ? ", MaxLength = " + maxLength.ToString(CultureInfo.InvariantCulture) : string.Empty)
            + (parameter.MaxItems is { } maxItems ? ", MaxItems = " + maxItems.ToString(CultureInfo.InvariantCulture) : string.Empty)
            + (parameter.Explode && parameter.Type.Kind is TypeKind.Array or TypeKind.Map ? ", Explode = true" : string.Empty) + ")] ";
        return attribute + declaration;
    }

    private static string BodyDeclaration(EmitContext context, BodyModel body, bool metadata)
        => (metadata ? "[" + KnownTypes.SeiParameter + "(\"body\", " + KnownTypes.SeiParameterLocation + ".Body)] " : string.Empty)
            + context.Spell(body.Type) + " " + body.Name + (body.IsRequired ? string.Empty : " = null");

    /// <summary>What the operation's method returns: its own response class when it declares headers, else SeiResponse with the body's type.</summary>
    private static string ResponseType(EmitContext context, OperationModel operation)
        => operation.ResponseHeaders is { } headers ? ResponseClass(context, headers) : BaseResponseType(context, operation.Response);

    /// <summary>The SeiResponse type that carries the body as the document declares it.</summary>
    private static string BaseResponseType(EmitContext context, ResponseModel response) => response.Kind switch
    {
        ResponseKind.Json => KnownTypes.SeiResponse + "<" + context.Spell(response.Type!) + ">",
        ResponseKind.Text => KnownTypes.SeiResponse + "<string>",
        ResponseKind.Stream => KnownTypes.SeiResponse + "<" + KnownTypes.Stream + ">",
        ResponseKind.None => KnownTypes.SeiResponse,
        _ => throw new ArgumentOutOfRangeException(nameof(response), response.Kind, "Every kind of response has its type."),
    };

    private static string PageType(EmitContext context, OperationModel operation, PagingModel paging)
        => KnownTypes.SeiPage + "<" + context.Spell(paging.ItemType) + (operation.ResponseHeaders is { } headers ? ", " + ResponseClass(context, headers) : string.Empty) + ">";

    private static string ResponseClass(EmitContext context, ResponseHeadersModel headers) => context.Qualified(context.Model.ClientName + "." + headers.ClassName);
}
