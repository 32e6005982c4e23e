using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Sei.Client.Metadata;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Sei.Generators.Tests.Corpus;

/// <summary>
/// Behaviour on the big real-world documents, not only compilation: for the operations with the
/// most parameters and the ones with the largest bodies (Stripe's form-encoded ones among them),
/// the generated client is compiled, loaded and called against a loopback server, and the request
/// it sends is checked against what the document itself prescribes: method, path with its
/// parameters filled in, query and header parameters, body media type and fields. Where the
/// document has a JSON example of a response, that example is served, read into the models and
/// written back, and its members must survive.
/// </summary>
[Collection(CorpusClients.Name)]
public sealed class CorpusBehaviourTests(ITestOutputHelper output)
{
    /// <summary>Each document is generated, compiled and loaded once, whichever test asks first.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<(Assembly Assembly, JsonObject Document)>> Clients = new();

    /// <summary>The documents whose clients are called: Stripe's form bodies, GitHub's many parameters, Twilio's and Slack's.</summary>
    public static readonly string[] Called = { "stripe__spec3.json", "github__ghes-3.6.json", "twilio__api_v2010.json", "slack__web_openapi_v2.json" };

    public static TheoryData<string> Documents => new(Called);

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Requests_follow_the_document_and_response_examples_read_back(string fileName)
    {
        var (assembly, document) = Load(fileName);
        var clientType = CompiledClient.ClientType(assembly, CorpusRuns.Get(fileName).Run.OutputCompilation);
        // The operations' metadata is on the client's interface; its members are invoked on the client.
        var methods = clientType.GetInterface("I" + clientType.Name)!.GetMethods()
            .Where(m => m.GetCustomAttribute<SeiOperationAttribute>() is not null && typeof(Task).IsAssignableFrom(m.ReturnType))
            .GroupBy(m => m.GetCustomAttribute<SeiOperationAttribute>()!.OperationId ?? m.Name)
            .Select(g => g.First())
            .ToList();

        // The operations with the most parameters, the ones with the biggest bodies, and those with response examples.
        static int Weight(MethodInfo m) => m.GetParameters().Count(p => p.GetCustomAttribute<SeiParameterAttribute>() is not null);
        var chosen = methods.OrderByDescending(Weight).ThenBy(m => m.Name, StringComparer.Ordinal).Take(6)
            .Concat(methods.Where(m => m.GetParameters().Any(IsBody)).OrderByDescending(m => BodyWidth(m)).ThenBy(m => m.Name, StringComparer.Ordinal).Take(6))
            .Concat(methods.Where(m => ResponseExample(document, m) is not null).OrderBy(m => m.Name, StringComparer.Ordinal).Take(6))
            .Distinct()
            .ToList();

        var failures = new List<string>();
        var examplesRead = 0;
        var contradictions = 0;
        foreach (var method in chosen)
        {
            var (failure, readExample) = await ExerciseAsync(clientType, method, document);
            examplesRead += readExample ? 1 : 0;
            output.WriteLine(method.Name + ": " + (failure ?? "ok") + (readExample ? " (response example read back)" : string.Empty));
            if (failure?.StartsWith("CONTRADICTS: ", StringComparison.Ordinal) == true)
            {
                contradictions++;
            }
            else if (failure is not null)
            {
                failures.Add(method.Name + ": " + failure);
            }
        }

        output.WriteLine($"{chosen.Count} operations exercised; {examplesRead} response examples read back; {contradictions} examples contradict their own schema and were refused with SeiResponseFormatException.");
        Assert.True(chosen.Count >= 8, "Only " + chosen.Count + " operations to exercise in " + fileName);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        if (methods.Any(m => ResponseExample(document, m) is not null))
        {
            Assert.True(examplesRead >= 3, "Only " + examplesRead + " of the document's response examples were read back.");
        }
    }

    internal static (Assembly, JsonObject) Load(string fileName)
        => Clients.GetOrAdd(fileName, name => new Lazy<(Assembly, JsonObject)>(() =>
        {
            var (run, _) = CorpusRuns.Get(name);
            return (CompiledClient.Compile(run), (JsonObject)JsonNode.Parse(CorpusDocuments.ReadText(name))!);
        })).Value;

    private static bool IsBody(ParameterInfo parameter) => parameter.GetCustomAttribute<SeiParameterAttribute>()?.Location == SeiParameterLocation.Body;

    private static int BodyWidth(MethodInfo method)
        => method.GetParameters().Where(IsBody).Sum(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).GetProperties().Length);

    private static async Task<(string? Failure, bool ReadExample)> ExerciseAsync(Type clientType, MethodInfo method, JsonObject document)
    {
        var metadata = method.GetCustomAttribute<SeiOperationAttribute>()!;
        var operation = document["paths"]?[metadata.PathTemplate]?[metadata.HttpMethod.ToLowerInvariant()] as JsonObject;
        if (operation is null)
        {
            return ("the document has no " + metadata.HttpMethod + " " + metadata.PathTemplate, false);
        }

        // Arguments, remembered by wire name for the expectations; a body remembers which members were set.
        var arguments = new List<object?>();
        var sent = new Dictionary<(SeiParameterLocation, string), object>();
        var bodyMembers = new List<string>();
        foreach (var parameter in method.GetParameters())
        {
            var wire = parameter.GetCustomAttribute<SeiParameterAttribute>();
            object? value = null;
            if (wire?.Location == SeiParameterLocation.Body)
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                value = type.IsClass && !type.IsAbstract && type != typeof(string) && type.GetConstructor(Type.EmptyTypes) is { } constructor && !type.IsGenericType
                    ? SampleValues.Model(type, constructor, 0, requiredOnly: false, out bodyMembers)
                    : SampleValues.For(parameter.ParameterType, parameter.Name!);
            }
            else if (wire is not null)
            {
                value = SampleValues.For(parameter.ParameterType, parameter.Name!);
            }

            if (value is null && wire is not null && !parameter.IsOptional)
            {
                return (null, false);
            }

            if (value is null)
            {
                arguments.Add(parameter.HasDefaultValue ? parameter.DefaultValue : null);
                continue;
            }

            arguments.Add(value);
            sent[(wire!.Location, wire.Name)] = value;
        }

        var example = ResponseExample(document, method);
        using var server = new LoopbackServer(_ => (200, example?.ToJsonString() ?? "{}", "application/json"));
        var client = Activator.CreateInstance(clientType, new HttpClient { BaseAddress = server.BaseAddress }, null, null)!;
        object? result = null;
        try
        {
            var task = (Task)method.Invoke(client, arguments.ToArray())!;
            await task;
            result = task.GetType().GetProperty("Result")?.GetValue(task);
        }
        catch (Sei.Client.SeiException) when (example is null)
        {
            // "{}" is not a valid answer for every operation; the request was still sent and recorded.
        }
        catch (Sei.Client.SeiResponseFormatException exception)
        {
            // Some documents' own examples contradict their schemas (a required member left out, a
            // string where an array is declared). Refusing such a response with a typed exception that
            // names the member is the client's design; the request is still checked.
            var refused = Assert.Single(server.Requests);
            return (CheckRequest(refused, metadata, operation, document, sent, bodyMembers, method) ?? "CONTRADICTS: " + exception.Message.Split(" Regenerate")[0], false);
        }
        catch (Exception exception)
        {
            return ("calling it threw " + (exception is TargetInvocationException { InnerException: { } inner } ? inner : exception), false);
        }

        var request = Assert.Single(server.Requests);
        return (CheckRequest(request, metadata, operation, document, sent, bodyMembers, method) ?? CheckExample(result, example), example is not null && result is not null);
    }

    /// <summary>The request against the document: method, path, query and header parameters, body media type and fields.</summary>
    private static string? CheckRequest(RecordedRequest request, SeiOperationAttribute metadata, JsonObject operation, JsonObject document, Dictionary<(SeiParameterLocation, string), object> sent, List<string> bodyMembers, MethodInfo method)
    {
        if (request.Method != metadata.HttpMethod)
        {
            return "sent " + request.Method + ", the document says " + metadata.HttpMethod;
        }

        var (path, query) = request.RawUrl.IndexOf('?') is var q and >= 0 ? (request.RawUrl.Substring(0, q), request.RawUrl.Substring(q + 1)) : (request.RawUrl, string.Empty);
        var expectedPath = metadata.PathTemplate;
        foreach (var ((location, name), value) in sent.Where(s => s.Key.Item1 == SeiParameterLocation.Path))
        {
            // Arrays and objects (and unions holding them) go in the simple style: their parts joined by commas.
            expectedPath = expectedPath.Replace("{" + name + "}", SampleValues.EncodedPathWire(value), StringComparison.Ordinal);
        }

        if (!path.EndsWith(expectedPath, StringComparison.Ordinal))
        {
            return "sent the path " + path + ", the document's template gives " + expectedPath;
        }

        var declared = (operation["parameters"] as JsonArray ?? new JsonArray())
            .Concat(document["paths"]?[metadata.PathTemplate]?["parameters"] as JsonArray ?? new JsonArray())
            .Select(p => SampleValues.Resolve(document, p))
            .Where(p => p is not null)
            .ToList();
        foreach (var parameter in declared)
        {
            var name = parameter!["name"]?.GetValue<string>();
            var location = parameter["in"]?.GetValue<string>();
            if (name is null || location is not ("query" or "header") || !sent.TryGetValue((location == "query" ? SeiParameterLocation.Query : SeiParameterLocation.Header, name), out var value))
            {
                continue;
            }

            // A model with nothing set (or a list of such) has no member to lay out, so nothing is sent for it.
            if (!SampleValues.HasContent(value))
            {
                continue;
            }

            if (location == "query" && !query.Split('&').Any(pair => Uri.UnescapeDataString(pair).StartsWith(name + "=", StringComparison.Ordinal) || Uri.UnescapeDataString(pair).StartsWith(name + "[", StringComparison.Ordinal)))
            {
                return "the query parameter '" + name + "' is missing from " + query;
            }

            if (location == "header" && request.Headers[name] is null)
            {
                return "the header '" + name + "' is missing";
            }
        }

        // The body: the media type the document lists (JSON first, then form, as the generator chooses), and the members set.
        var content = (operation["requestBody"] is { } body ? SampleValues.Resolve(document, body)?["content"] as JsonObject : null)
            ?? (declared.Any(p => p!["in"]?.GetValue<string>() == "formData") ? new JsonObject { [(operation["consumes"] as JsonArray)?.FirstOrDefault()?.GetValue<string>() ?? "application/x-www-form-urlencoded"] = new JsonObject() } : null);
        if (content is null || !sent.Keys.Any(k => k.Item1 == SeiParameterLocation.Body))
        {
            return null;
        }

        var mediaType = new[] { "application/json", "application/x-www-form-urlencoded", "multipart/form-data" }.FirstOrDefault(m => content.ContainsKey(m)) ?? content.First().Key;
        if (request.ContentType is null || !request.ContentType.StartsWith(mediaType.Split(';')[0], StringComparison.OrdinalIgnoreCase))
        {
            return "sent the body as " + request.ContentType + ", the document says " + mediaType;
        }

        var bodyType = method.GetParameters().Single(IsBody).ParameterType;
        var sentKeys = mediaType switch
        {
            "application/json" => JsonNode.Parse(request.Body) is JsonObject json ? json.Select(p => p.Key).ToList() : new List<string>(),
            "application/x-www-form-urlencoded" => request.Body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0].Replace('+', ' '))).ToList(),
            _ => new List<string> { request.Body },
        };
        foreach (var member in bodyMembers)
        {
            var normalized = SampleValues.Normalize(member);
            var found = mediaType == "multipart/form-data"
                ? sentKeys[0].Contains("name=", StringComparison.Ordinal)
                : sentKeys.Any(key => SampleValues.Normalize(key.Split('[')[0]) == normalized);
            if (!found)
            {
                return "the body member " + bodyType.Name + "." + member + " is missing from the " + mediaType + " body: " + request.Body.Substring(0, Math.Min(300, request.Body.Length));
            }
        }

        return null;
    }

    /// <summary>The document's response example, read into the models and written back: its members must survive.</summary>
    private static string? CheckExample(object? result, JsonNode? example)
    {
        if (example is not JsonObject expected || result is null || result.GetType().GetProperty("Value") is not { } valueProperty)
        {
            return null;
        }

        var value = valueProperty.GetValue(result);
        if (value is null)
        {
            return "the response example read as null";
        }

        var written = JsonNode.Parse(JsonSerializer.Serialize(value, value.GetType())) as JsonObject;
        var lost = expected.Where(p => p.Value is not null && written?.ContainsKey(p.Key) != true).Select(p => p.Key).ToList();
        return lost.Count == 0 ? null : "the response example lost " + string.Join(", ", lost.Take(5)) + " when read into " + value.GetType().Name + " and written back";
    }

    /// <summary>A JSON example of the operation's first 2xx response: OpenAPI 3 <c>example</c> or <c>examples</c>, or Swagger 2.0 <c>examples</c>.</summary>
    private static JsonNode? ResponseExample(JsonObject document, MethodInfo method)
    {
        var metadata = method.GetCustomAttribute<SeiOperationAttribute>()!;
        // SeiResponse<T>, or an operation's own response class that derives from it to type its headers.
        if (metadata.HttpMethod == "HEAD" || method.ReturnType.GetGenericArguments().FirstOrDefault() is not { } returned || !typeof(Sei.Client.SeiResponse).IsAssignableFrom(returned))
        {
            return null;
        }

        var responses = document["paths"]?[metadata.PathTemplate]?[metadata.HttpMethod.ToLowerInvariant()]?["responses"] as JsonObject;
        var success = responses?.FirstOrDefault(r => r.Key.StartsWith('2')).Value is { } found ? SampleValues.Resolve(document, found) : null;
        var media = success?["content"]?["application/json"] as JsonObject;
        var example = media?["example"]
            ?? SampleValues.Resolve(document, (media?["examples"] as JsonObject)?.FirstOrDefault().Value)?["value"]
            ?? success?["examples"]?["application/json"];
        return example is JsonObject ? example : null;
    }
}
