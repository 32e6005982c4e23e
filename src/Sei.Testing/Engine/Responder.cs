using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sei.Generators.Model;

namespace Sei.Testing.Engine;

/// <summary>
/// The answer to a valid request: a body of the operation's declared response type, made up by
/// <see cref="SampleJson"/>; for a cursor-paged list, one page of a list of fixed length with a
/// <c>paging</c> object whose links carry real cursors, so a client can walk it to the end.
/// </summary>
internal sealed class Responder
{
    /// <summary>The request item that asks for a page whose next cursor repeats its own (<see cref="SeiFault.RepeatedCursor"/>).</summary>
    public const string RepeatCursorKey = "sei.repeat-cursor";

    private readonly ServerDocument _document;
    private readonly SampleJson _samples;
    private readonly SeiTestServerOptions _options;
    private readonly Overrides _overrides;

    public Responder(ServerDocument document, SeiTestServerOptions options, Overrides overrides)
    {
        _document = document;
        _options = options;
        _overrides = overrides;
        _samples = new SampleJson(document, options.Seed);
    }

    public Task RespondAsync(HttpContext context, OperationRoute route, IReadOnlyDictionary<string, string> pathValues)
    {
        var operation = route.Operation;
        var response = context.Response;
        switch (operation.Response.Kind)
        {
            case ResponseKind.None:
                response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            case ResponseKind.Text:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "text/plain; charset=utf-8";
                return response.WriteAsync(route.Name + " answered by the SEI test server.");
            case ResponseKind.Stream:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "application/octet-stream";
                return response.Body.WriteAsync(Encoding.UTF8.GetBytes(route.Name)).AsTask();
        }

        if (operation.Paging is { } paging && Page(context, route, paging) is var (page, error))
        {
            if (error is not null)
            {
                return Envelope.WriteAsync(context, StatusCodes.Status400BadRequest, "request.cursor.invalid", "The cursor is not one this list gave out; start again from the first page.", errors: new[] { error });
            }

            return WriteJsonAsync(context, page!);
        }

        // The document's own example where it has one that the client can read, else made-up data.
        var example = _document.Examples.Of(operation);
        var body = example is not null && ResponseExamples.Fits(example, operation.Response.Type!, _document)
            ? example.DeepClone()
            : _samples.Value(operation.Response.Type!, route.Name, 0);
        Echo(body, operation.Response.Type!, pathValues);
        return WriteJsonAsync(context, body);
    }

    private static Task WriteJsonAsync(HttpContext context, JsonNode? body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body?.ToJsonString() ?? "null");
    }

    /// <summary>A property named like a path parameter takes the value the caller asked for (GET /accounts/ACC-1 answers with ACC-1).</summary>
    private void Echo(JsonNode? body, TypeRef type, IReadOnlyDictionary<string, string> pathValues)
    {
        if (body is not JsonObject value || _document.Find(type.Name) is not ObjectDeclaration declaration)
        {
            return;
        }

        foreach (var property in declaration.Properties.Where(p => p.Type.Kind == TypeKind.String && pathValues.ContainsKey(p.JsonName)))
        {
            value[property.JsonName] = pathValues[property.JsonName];
        }
    }

    /// <summary>One page: the items after (or before) the cursor, as many as <c>limit</c> asks, and the paging object.</summary>
    private (JsonNode? Page, SeiFieldError? Error) Page(HttpContext context, OperationRoute route, PagingModel paging)
    {
        var query = context.Request.Query;
        var seeded = _overrides.SeedOf(route.Name);
        var total = seeded?.Count ?? _options.ListLength;
        var limit = int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? Math.Min(asked, 1000) : _options.PageSize;
        var start = 0;
        foreach (var name in new[] { "after", "before" })
        {
            var text = query[name].ToString();
            if (text.Length == 0)
            {
                continue;
            }

            if (Cursors.Decode(text) is not { } position || position >= total)
            {
                return (null, new SeiFieldError(name, "query", "'" + text + "' is not a cursor of this list"));
            }

            start = name == "after" ? position + 1 : Math.Max(0, position - limit);
        }

        var end = Math.Min(total, start + limit);
        var body = _samples.Value(route.Operation.Response.Type!, route.Name, 0) as JsonObject ?? new JsonObject();
        var items = new JsonArray();
        for (var i = start; i < end; i++)
        {
            items.Add(seeded is null ? _samples.Value(paging.ItemType, route.Name + ".items", i) : seeded[i]?.DeepClone());
        }

        var responseType = route.Operation.Response.Type!;
        Set(body, responseType, paging.ItemsPath, items);
        var pagingType = TypeAt(responseType, paging.PagingPath);
        var links = new JsonObject();
        void Link(MemberStep? step, JsonNode? value)
        {
            if (step is not null && JsonName(pagingType, step) is { } name)
            {
                links[name] = value;
            }
        }

        Link(paging.TotalCount, total);
        Link(paging.Limit, limit);
        Link(paging.First, "before=&after=");
        Link(paging.Last, total == 0 ? "before=&after=" : "before=&after=" + Cursors.Encode(Math.Max(0, total - limit - 1)));
        Link(paging.Previous, start > 0 ? "before=" + Cursors.Encode(start) + "&after=" : null);
        var self = start == 0 ? "before=&after=" : "before=&after=" + Cursors.Encode(start - 1);
        var repeat = context.Items.ContainsKey(RepeatCursorKey);
        Link(paging.Next, repeat ? self : end < total ? "before=&after=" + Cursors.Encode(end - 1) : null);
        Link(paging.Self, self);
        Set(body, responseType, paging.PagingPath, links);
        return (body, null);
    }

    /// <summary>Puts a value at a member path given in C# names, creating the objects on the way.</summary>
    private void Set(JsonObject root, TypeRef type, IReadOnlyList<MemberStep> path, JsonNode value)
    {
        var current = root;
        for (var i = 0; i < path.Count; i++)
        {
            var name = JsonName(type, path[i]) ?? path[i].Name;
            if (i == path.Count - 1)
            {
                current[name] = value;
                return;
            }

            if (current[name] is not JsonObject next)
            {
                next = new JsonObject();
                current[name] = next;
            }

            current = next;
            type = Property(type, path[i])?.Type ?? TypeRef.Any;
        }
    }

    private TypeRef TypeAt(TypeRef type, IReadOnlyList<MemberStep> path)
    {
        foreach (var step in path)
        {
            type = Property(type, step)?.Type ?? TypeRef.Any;
        }

        return type;
    }

    private string? JsonName(TypeRef type, MemberStep step) => Property(type, step)?.JsonName;

    private PropertyModel? Property(TypeRef type, MemberStep step)
        => (_document.Find(type.Name) as ObjectDeclaration)?.Properties.FirstOrDefault(p => p.Name == step.Name);
}
