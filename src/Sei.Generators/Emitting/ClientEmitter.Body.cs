using System.Linq;
using Sei.Generators.Model;

namespace Sei.Generators.Emitting;

internal static partial class ClientEmitter
{
    private static readonly string[] KnownMethods = { "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE" };

    private static void EmitBody(CodeWriter writer, EmitContext context, OperationModel operation, string displayName, PagingModel? paging)
    {
        var method = KnownMethods.Contains(operation.HttpMethod)
            ? "global::System.Net.Http.HttpMethod." + operation.HttpMethod.Substring(0, 1) + operation.HttpMethod.Substring(1).ToLowerInvariant()
            : "new global::System.Net.Http.HttpMethod(" + EmitContext.Literal(operation.HttpMethod) + ")";
        writer.Line("var __request = new global::Sei.Client.Http.SeiRequestBuilder(" + method + ", " + EmitContext.Literal(operation.Path) + ", " + EmitContext.Literal(displayName) + ");");
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

        writer.Line("var __response = await SendAsync(__request, cancellationToken).ConfigureAwait(false);");
        if (paging is not null)
        {
            EmitPageResult(writer, context, operation, displayName, paging);
            return;
        }

        switch (operation.Response.Kind)
        {
            case ResponseKind.Json:
                writer.Line("return await ReadJsonAsync<" + context.Spell(operation.Response.Type!) + ">(__response, " + EmitContext.Literal(displayName) + ", " + context.ReadLambda(operation.Response.Type!) + ", cancellationToken).ConfigureAwait(false);");
                break;
            case ResponseKind.Text:
                writer.Line("return await ReadTextAsync(__response, cancellationToken).ConfigureAwait(false);");
                break;
            case ResponseKind.Stream:
                writer.Line("return await ReadStreamAsync(__response, cancellationToken).ConfigureAwait(false);");
                break;
            default:
                writer.Line("return CreateResponse(__response);");
                break;
        }
    }

    private static void EmitPageResult(CodeWriter writer, EmitContext context, OperationModel operation, string displayName, PagingModel paging)
    {
        var itemType = context.Spell(paging.ItemType);
        writer.Line("var __page = await ReadJsonAsync<" + context.Spell(operation.Response.Type!) + ">(__response, " + EmitContext.Literal(displayName) + ", " + context.ReadLambda(operation.Response.Type!) + ", cancellationToken).ConfigureAwait(false);");
        var items = Access("__page.Value", paging.ItemsPath, out _);
        writer.Line("global::System.Collections.Generic.IList<" + itemType + ">? __items = " + items + ";");
        var pagingAccess = Access("__page.Value", paging.PagingPath, out var pagingNullable);
        writer.Line("var __paging = " + pagingAccess + ";");
        string Field(MemberStep? step, string cast)
        {
            if (step is null)
            {
                return "null";
            }

            return cast + "__paging" + (pagingNullable ? "?." : ".") + step.Name;
        }

        writer.Line("return new global::Sei.Client.SeiPage<" + itemType + ">(");
        writer.Indent();
        writer.Line("__items as global::System.Collections.Generic.IReadOnlyList<" + itemType + "> ?? (__items is null ? global::System.Array.Empty<" + itemType + ">() : new global::System.Collections.Generic.List<" + itemType + ">(__items)),");
        writer.Line(Field(paging.TotalCount, "(long?)") + ",");
        writer.Line(Field(paging.Limit, "(int?)") + ",");
        writer.Line("new global::Sei.Client.SeiPageCursors(" + string.Join(", ", new[] { paging.First, paging.Last, paging.Previous, paging.Next, paging.Self }.Select(f => Field(f, string.Empty))) + "),");
        writer.Line("__page);");
        writer.Outdent();
    }

    /// <summary>A member-access chain that goes null-conditional after the first nullable member.</summary>
    private static string Access(string root, EquatableArray<MemberStep> path, out bool nullable)
    {
        var expression = root;
        nullable = false;
        foreach (var step in path)
        {
            expression += (nullable ? "?." : ".") + step.Name;
            nullable |= step.IsNullable;
        }

        return expression;
    }

    private static void EmitParameter(CodeWriter writer, EmitContext context, ParameterModel parameter)
    {
        var type = parameter.Type;
        var value = parameter.Name;
        var nonNull = type.AsNullable(false);
        var unwrapped = type.IsNullable && type.IsValueType ? value + ".Value" : value;
        var wire = EmitContext.Literal(parameter.WireName);
        // A string needs no formatting, so a null one can be passed through as it is.
        var guard = type.IsNullable && nonNull.Kind != TypeKind.String ? value + " is null ? null : " : string.Empty;
        if (nonNull.Kind == TypeKind.Array)
        {
            var items = "global::System.Linq.Enumerable.Select(" + unwrapped + ", static __item => " + FormatItem(context, nonNull.Element!, "__item") + ")";
            switch (parameter.Location)
            {
                case ParameterLocation.Path:
                    writer.Line("__request.SetPathParameter(" + wire + ", " + items + ");");
                    break;
                case ParameterLocation.Query:
                    writer.Line("__request.AddQueryParameter(" + wire + ", " + guard + items + ", global::Sei.Client.Http.SeiParameterStyle." + StyleName(parameter.Style) + ", " + (parameter.Explode ? "true" : "false") + ");");
                    break;
                default:
                    var joined = "string.Join(\",\", " + items + ")";
                    writer.Line("__request.Add" + (parameter.Location == ParameterLocation.Header ? "Header" : "Cookie") + "(" + wire + ", " + guard + joined + ");");
                    break;
            }

            return;
        }

        if (nonNull.Kind == TypeKind.Map && parameter.Location == ParameterLocation.Query && nonNull.Element is { } element && IsScalar(element))
        {
            var pairs = "global::System.Linq.Enumerable.Select(" + unwrapped + ", static __pair => new global::System.Collections.Generic.KeyValuePair<string, string>(__pair.Key, " + FormatItem(context, element, "__pair.Value") + "))";
            writer.Line("__request.AddQueryObject(" + wire + ", " + guard + pairs + ", global::Sei.Client.Http.SeiParameterStyle." + StyleName(parameter.Style) + ", " + (parameter.Explode ? "true" : "false") + ");");
            return;
        }

        var formatted = context.Format(nonNull, unwrapped);
        switch (parameter.Location)
        {
            case ParameterLocation.Path:
                writer.Line("__request.SetPathParameter(" + wire + ", " + formatted + ");");
                break;
            case ParameterLocation.Query:
                writer.Line("__request.AddQueryParameter(" + wire + ", " + guard + formatted + ");");
                break;
            case ParameterLocation.Header:
                writer.Line("__request.AddHeader(" + wire + ", " + guard + formatted + ");");
                break;
            default:
                writer.Line("__request.AddCookie(" + wire + ", " + guard + formatted + ");");
                break;
        }
    }

    private static void EmitRequestBody(CodeWriter writer, EmitContext context, BodyModel body)
    {
        var value = body.Name;
        var nonNull = body.Type.AsNullable(false);
        var unwrapped = body.Type.IsNullable && body.Type.IsValueType ? value + ".Value" : value;
        var media = EmitContext.Literal(body.MediaType);
        if (body.Type.IsNullable)
        {
            writer.Open("if (" + value + " is not null)");
        }

        switch (body.Kind)
        {
            case BodyKind.Json:
                writer.Line("__request.Content = global::Sei.Client.Http.SeiContent.Json(__writer => { " + context.Write(nonNull, unwrapped, "__writer") + " }, " + media + ");");
                break;
            case BodyKind.Text:
                writer.Line("__request.Content = global::Sei.Client.Http.SeiContent.Text(" + unwrapped + ", " + media + ");");
                break;
            case BodyKind.Binary:
                writer.Line("__request.Content = global::Sei.Client.Http.SeiContent.Binary(" + unwrapped + ", " + media + ");");
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

    private static void EmitFormBody(CodeWriter writer, EmitContext context, BodyModel body, string value)
    {
        var multipart = body.Kind == BodyKind.Multipart;
        if (body.Type.Kind == TypeKind.Map)
        {
            // A free-form form: every entry becomes a field.
            writer.Line("var __fields = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string?>>();");
            writer.Open("foreach (var __pair in " + value + ")");
            writer.Line("global::Sei.Client.Http.SeiForm.Add(__fields, __pair.Key, __writer => { " + context.Write(body.Type.Element!, "__pair.Value", "__writer") + " });");
            writer.Close();
            writer.Line(multipart
                ? "__request.Content = global::Sei.Client.Http.SeiContent.Multipart(__fields, global::System.Array.Empty<global::System.Collections.Generic.KeyValuePair<string, global::Sei.Client.SeiFile?>>());"
                : "__request.Content = global::Sei.Client.Http.SeiContent.FormUrlEncoded(__fields);");
            return;
        }

        var declaration = context.Find(body.Type.Name!) as ObjectDeclaration;
        writer.Line("var __fields = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string?>>();");
        if (multipart)
        {
            writer.Line("var __files = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, global::Sei.Client.SeiFile?>>();");
        }

        foreach (var property in declaration?.Properties ?? default)
        {
            var access = value + "." + property.Name;
            var type = property.Type.AsNullable(false);
            var unwrapped = property.Type.IsNullable && property.Type.IsValueType ? access + ".Value" : access;
            var wire = EmitContext.Literal(property.JsonName);
            var open = property.Type.IsNullable ? "if (" + access + " is not null) " : string.Empty;
            if (multipart && type.Kind == TypeKind.File)
            {
                writer.Line(open + "__files.Add(new global::System.Collections.Generic.KeyValuePair<string, global::Sei.Client.SeiFile?>(" + wire + ", " + unwrapped + "));");
            }
            else if (multipart && type.Kind == TypeKind.Array && type.Element!.Kind == TypeKind.File)
            {
                writer.Line(open + "foreach (var __file in " + unwrapped + ") __files.Add(new global::System.Collections.Generic.KeyValuePair<string, global::Sei.Client.SeiFile?>(" + wire + ", __file));");
            }
            else
            {
                writer.Line(open + "global::Sei.Client.Http.SeiForm.Add(__fields, " + wire + ", __writer => { " + context.Write(type, unwrapped, "__writer") + " });");
            }
        }

        writer.Open("foreach (var __pair in " + value + ".AdditionalProperties)");
        writer.Line("global::Sei.Client.Http.SeiForm.Add(__fields, __pair.Key, __writer => { " + context.Write(declaration?.AdditionalProperties ?? TypeRef.Any, "__pair.Value", "__writer") + " });");
        writer.Close();
        writer.Line(multipart
            ? "__request.Content = global::Sei.Client.Http.SeiContent.Multipart(__fields, __files);"
            : "__request.Content = global::Sei.Client.Http.SeiContent.FormUrlEncoded(__fields);");
    }

    private static string FormatItem(EmitContext context, TypeRef element, string item)
    {
        if (!element.IsNullable)
        {
            return context.Format(element, item);
        }

        var unwrapped = element.IsValueType ? item + ".Value" : item;
        return item + " is null ? string.Empty : " + context.Format(element.AsNullable(false), unwrapped);
    }

    private static bool IsScalar(TypeRef type) => type.Kind is not (TypeKind.Array or TypeKind.Map or TypeKind.Any or TypeKind.File) && !(type.Kind == TypeKind.Named && type.NamedKind != NamedKind.Enum);

    private static string StyleName(string style) => style switch
    {
        "simple" => "Simple",
        "spaceDelimited" => "SpaceDelimited",
        "pipeDelimited" => "PipeDelimited",
        "deepObject" => "DeepObject",
        _ => "Form",
    };
}
