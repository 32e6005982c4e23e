namespace Sei.Generators.Emitting;

internal static partial class ClientEmitter
{
    /// <summary>The methods <c>System.Net.Http.HttpMethod</c> has a shared instance of on every target (.NET Standard 2.0 lacks Patch).</summary>
    private static readonly string[] SharedByHttpMethod = { HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Head, HttpMethods.Options, HttpMethods.Trace };

    private static void EmitBody(CodeWriter writer, EmitContext context, OperationModel operation, string displayName, PagingModel? paging)
    {
        // Every method is a shared instance: HttpMethod's own where it has one on every target, the
        // runtime's otherwise, so that no call allocates the constant it sends.
        var method = operation.HttpMethod switch
        {
            _ when SharedByHttpMethod.Contains(operation.HttpMethod) => KnownTypes.HttpMethod + "." + operation.HttpMethod.Substring(0, 1) + operation.HttpMethod.Substring(1).ToLowerInvariant(),
            HttpMethods.Patch => KnownTypes.SeiHttpMethods + ".Patch",
            _ => KnownTypes.SeiHttpMethods + ".Of(" + EmitContext.Literal(operation.HttpMethod) + ")",
        };
        writer.Line("var __request = new " + KnownTypes.SeiRequestBuilder + "(" + method + ", " + EmitContext.Literal(operation.Path) + ", " + EmitContext.Literal(displayName) + ");");
        if (operation.SearchAlternative is { } search)
        {
            writer.Line("__request.SearchAlternative = " + EmitContext.Literal(search.MethodName + " (" + search.HttpMethod + " " + search.Path + ")") + ";");
        }
        foreach (var parameter in operation.Parameters)
        {
            EmitParameter(writer, context, parameter);
        }

        if (operation.Body is { } body)
        {
            EmitRequestBody(writer, context, body);
        }

        if (paging is not null)
        {
            writer.Line("if (" + paging.CursorParameterName + " is not null) __request.ApplyCursor(" + paging.CursorParameterName + ");");
        }

        if (operation.NotModifiedIsResult)
        {
            writer.Line("__request.NotModifiedIsResult = true;");
        }

        if (!IsAsync(operation, paging))
        {
            // The runtime sends and reads: the method builds its request and returns the task.
            writer.Line("return " + SendAndRead(context, operation.Response, displayName) + ";");
            return;
        }

        writer.Line("var __response = await " + GeneratedNames.ClientBase.SendAsync + "(__request, " + CancellationTokenName + ").ConfigureAwait(false);");
        if (paging is not null)
        {
            EmitPageResult(writer, context, operation, displayName, paging);
            return;
        }

        var read = ReadResponse(context, operation.Response, displayName);
        writer.Line("return new " + ResponseClass(context, operation.ResponseHeaders!) + "(" + read + ", " + EmitContext.Literal(displayName) + ");");
    }

    /// <summary>
    /// Whether an operation's method awaits in its own body: only a page, or a response with typed
    /// headers, is made there from what the runtime read. Every other method returns the runtime's task.
    /// </summary>
    private static bool IsAsync(OperationModel operation, PagingModel? paging) => paging is not null || operation.ResponseHeaders is not null;

    /// <summary>The runtime call that sends the request and reads the response as the document declares its body.</summary>
    private static string SendAndRead(EmitContext context, ResponseModel response, string displayName) => response.Kind switch
    {
        ResponseKind.Json => GeneratedNames.ClientBase.SendAndReadJsonAsync + context.WithContract(response.Type!) + "(__request, " + EmitContext.Literal(displayName) + ", " + CancellationTokenName + ")",
        ResponseKind.Text => GeneratedNames.ClientBase.SendAndReadTextAsync + "(__request, " + CancellationTokenName + ")",
        ResponseKind.Stream => GeneratedNames.ClientBase.SendAndReadStreamAsync + "(__request, " + CancellationTokenName + ")",
        ResponseKind.None => GeneratedNames.ClientBase.SendAndDescribeAsync + "(__request, " + CancellationTokenName + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(response), response.Kind, "Every kind of response has its call."),
    };

    /// <summary>The expression that reads the response as the document declares its body.</summary>
    private static string ReadResponse(EmitContext context, ResponseModel response, string displayName) => response.Kind switch
    {
        ResponseKind.Json => "await " + GeneratedNames.ClientBase.ReadJsonAsync + context.WithContract(response.Type!) + "(__response, " + EmitContext.Literal(displayName) + ", " + CancellationTokenName + ").ConfigureAwait(false)",
        ResponseKind.Text => "await " + GeneratedNames.ClientBase.ReadTextAsync + "(__response, " + CancellationTokenName + ").ConfigureAwait(false)",
        ResponseKind.Stream => "await " + GeneratedNames.ClientBase.ReadStreamAsync + "(__response, " + CancellationTokenName + ").ConfigureAwait(false)",
        ResponseKind.None => GeneratedNames.ClientBase.CreateResponse + "(__response)",
        _ => throw new ArgumentOutOfRangeException(nameof(response), response.Kind, "Every kind of response has its reading."),
    };

    private static void EmitPageResult(CodeWriter writer, EmitContext context, OperationModel operation, string displayName, PagingModel paging)
    {
        var itemType = context.Spell(paging.ItemType);
        var page = PageType(context, operation, paging);
        var read = ReadResponse(context, operation.Response, displayName);
        writer.Line("var __page = " + (operation.ResponseHeaders is { } headers ? "new " + ResponseClass(context, headers) + "(" + read + ", " + EmitContext.Literal(displayName) + ")" : read) + ";");
        if (operation.NotModifiedIsResult)
        {
            writer.Line("if (__page.IsNotModified) return new " + page + "(" + KnownTypes.Array + ".Empty<" + itemType + ">(), null, null, new " + KnownTypes.SeiPageCursors + "(null, null, null, null, null), __page);");
        }

        var items = EmitContext.MemberAccess("__page.Value", paging.ItemsPath, out _);
        writer.Line(KnownTypes.IList + "<" + itemType + ">? __items = " + items + ";");
        var pagingAccess = EmitContext.MemberAccess("__page.Value", paging.PagingPath, out var pagingNullable);
        writer.Line("var __paging = " + pagingAccess + ";");
        string Field(MemberStep? step, string cast)
        {
            if (step is null)
            {
                return "null";
            }

            return cast + "__paging" + (pagingNullable ? "?." : ".") + step.Name;
        }

        writer.Line("return new " + page + "(");
        writer.Indent();
        writer.Line("__items as " + KnownTypes.IReadOnlyList + "<" + itemType + "> ?? (__items is null ? " + KnownTypes.Array + ".Empty<" + itemType + ">() : new " + KnownTypes.List + "<" + itemType + ">(__items)),");
        writer.Line(Field(paging.TotalCount, "(long?)") + ",");
        writer.Line(Field(paging.Limit, "(int?)") + ",");
        writer.Line("new " + KnownTypes.SeiPageCursors + "(" + string.Join(", ", new[] { paging.First, paging.Last, paging.Previous, paging.Next, paging.Self }.Select(f => Field(f, string.Empty))) + "),");
        writer.Line("__page);");
        writer.Outdent();
    }

    private static void EmitRequestBody(CodeWriter writer, EmitContext context, BodyModel body)
    {
        var value = body.Name;
        var nonNull = body.Type.AsNullable(false);
        var unwrapped = EmitContext.Unwrapped(body.Type, value);
        var media = EmitContext.Literal(body.MediaType);
        if (body.Type.IsNullable)
        {
            writer.Open("if (" + value + " is not null)");
        }

        switch (body.Kind)
        {
            case BodyKind.Json:
                writer.Line("__request.Content = " + KnownTypes.SeiContent + ".Json" + context.WithContract(nonNull) + "(" + unwrapped + ", " + media + ");");
                break;
            case BodyKind.Text:
                writer.Line("__request.Content = " + KnownTypes.SeiContent + ".Text(" + unwrapped + ", " + media + ");");
                break;
            case BodyKind.Binary:
                writer.Line("__request.Content = " + KnownTypes.SeiContent + ".Binary(" + unwrapped + ", " + media + ");");
                break;
            default:
                EmitFormBody(writer, context, body, unwrapped);
                break;
        }

        if (body.Type.IsNullable)
        {
            writer.Close();
        }
    }

    private static string FormatItem(EmitContext context, TypeRef element, string item)
    {
        if (!element.IsNullable)
        {
            return context.Format(element, item);
        }

        return item + " is null ? string.Empty : " + context.Format(element.AsNullable(false), EmitContext.Unwrapped(element, item));
    }
}
