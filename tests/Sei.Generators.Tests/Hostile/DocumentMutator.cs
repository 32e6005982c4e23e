using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace Sei.Generators.Tests.Hostile;

/// <summary>How a document was broken.</summary>
internal enum Mutation
{
    Truncate,
    DeleteNode,
    RetypeNode,
    RedirectReference,
    RenameKey,
    LongString,

    /// <summary>Half a surrogate pair in a key, as a character or as an escape.</summary>
    LoneSurrogateKey,

    /// <summary>Half a surrogate pair in a value, as a character or as an escape.</summary>
    LoneSurrogateValue,

    /// <summary>The text cut off inside a string.</summary>
    TruncateInString,

    /// <summary>The text cut off inside an escape of a string.</summary>
    TruncateInEscape,

    /// <summary>The text cut off inside a number (a sign, a point or an exponent with nothing after it).</summary>
    TruncateInNumber,

    /// <summary>A byte-order mark where none belongs: twice at the start, or inside the text.</summary>
    ByteOrderMark,

    /// <summary>A NUL character, raw or escaped.</summary>
    Nul,

    /// <summary>Bytes that are not UTF-8, decoded as the compiler decodes a file that is not UTF-8.</summary>
    InvalidUtf8,
}

/// <summary>One broken document: its text, the file name it is given, and how it was derived.</summary>
internal sealed record MutatedDocument(int Seed, string Source, Mutation Mutation, string Detail, string FileName, string Text);

/// <summary>
/// Derives broken documents from good ones, deterministically from a seed: truncated at a random
/// point, a node deleted or given another type, a <c>$ref</c> pointed elsewhere, a name replaced by
/// odd unicode, a C# keyword or a very long string. Structural mutations work on the parsed tree and
/// write JSON, so they reach every part of the document; truncation works on the original text.
/// </summary>
internal static class DocumentMutator
{
    private static readonly string[] OddNames =
    {
        "class", "namespace", "event", "__arglist", "value", "Equals", "ToString", "GetType", "_", "@", "1st", "-", "a b", "a-b", "a.b", "A",
        "名前", "Ωmega", "é", "e\u0301", "\u200Bzero", "\u202Eevil", "🙂", "tab\there", "new\nline", "quote\"d", "back\\slash", "<xml>", "{brace}", "$ref",
        string.Empty, " ", "Client", "Serialization", "SendAsync", "CancellationToken",
    };

    private static readonly string[] References =
    {
        "#/components/schemas/DoesNotExist", "#/components/schemas/", "#", string.Empty, "#/paths", "#/info", "http://127.0.0.1:9/x.yaml#/a",
        "other.yaml#/components/schemas/A", "#/components/schemas/%7B%7D", "#/components/schemas/a~1b", "#/definitions/Missing", "#/components/parameters/Missing",
    };

    public static MutatedDocument Mutate(string source, string text, int seed)
    {
        var random = new Random(seed);
        var mutation = (Mutation)random.Next(Enum.GetValues<Mutation>().Length);
        var isJson = source.EndsWith(".json", StringComparison.Ordinal);
        if (mutation == Mutation.Truncate)
        {
            var at = random.Next(text.Length);
            return new MutatedDocument(seed, source, mutation, "at character " + at, "fuzz" + seed + (isJson ? ".json" : ".yaml"), text.Substring(0, at));
        }

        if (mutation >= Mutation.LoneSurrogateKey)
        {
            // Half the YAML sources are written as JSON first, so both parsers meet every class of bytes.
            if (!isJson && random.Next(2) == 0)
            {
                text = Parse(text, isJson: false)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? text;
                isJson = true;
            }

            var (mutated, how) = TextMutations.Apply(mutation, text, isJson, random);
            return new MutatedDocument(seed, source, mutation, how, "fuzz" + seed + (isJson ? ".json" : ".yaml"), mutated);
        }

        var root = Parse(text, isJson);
        var nodes = new List<(JsonNode? Parent, string? Key, int Index, JsonNode? Node, string Path)>();
        Collect(root, null, null, -1, string.Empty, nodes);
        string detail;
        switch (mutation)
        {
            case Mutation.DeleteNode:
            {
                var (parent, key, index, _, path) = Pick(random, nodes.Where(n => n.Parent is not null).ToList());
                Remove(parent!, key, index);
                detail = "deleted " + path;
                break;
            }

            case Mutation.RetypeNode:
            {
                var (parent, key, index, node, path) = Pick(random, nodes.Where(n => n.Parent is not null).ToList());
                var replacement = OtherType(node, random);
                Replace(parent!, key, index, replacement);
                detail = "retyped " + path + " to " + (replacement?.ToJsonString() ?? "null");
                break;
            }

            case Mutation.RedirectReference:
            {
                var references = nodes.Where(n => n.Key == "$ref").ToList();
                var targets = nodes.Where(n => n.Path.StartsWith("/components/schemas/", StringComparison.Ordinal) && n.Path.Count(c => c == '/') == 3).Select(n => "#" + n.Path).ToList();
                if (references.Count == 0)
                {
                    goto case Mutation.RenameKey;
                }

                var (parent, key, index, _, path) = Pick(random, references);
                var target = targets.Count > 0 && random.Next(2) == 0 ? targets[random.Next(targets.Count)] : References[random.Next(References.Length)];
                Replace(parent!, key, index, JsonValue.Create(target));
                detail = "pointed " + path + " at '" + target + "'";
                break;
            }

            case Mutation.LongString:
            {
                var strings = nodes.Where(n => n.Node is JsonValue value && value.GetValueKind() == JsonValueKind.String).ToList();
                var (parent, key, index, _, path) = Pick(random, strings);
                Replace(parent!, key, index, JsonValue.Create(new string((char)('a' + random.Next(26)), 10_000 + random.Next(60_000))));
                detail = "lengthened " + path;
                break;
            }

            case Mutation.RenameKey:
            default:
            {
                var keyed = nodes.Where(n => n.Key is not null && n.Parent is JsonObject).ToList();
                var (parent, key, _, node, path) = Pick(random, keyed);
                var name = random.Next(4) == 0 ? new string('N', 5_000 + random.Next(5_000)) : OddNames[random.Next(OddNames.Length)];
                var owner = (JsonObject)parent!;
                if (!owner.ContainsKey(name))
                {
                    owner.Remove(key!);
                    owner[name] = node;
                }

                mutation = Mutation.RenameKey;
                detail = "renamed " + path + " to '" + (name.Length > 40 ? name.Substring(0, 40) + "..." : name) + "'";
                break;
            }
        }

        var json = root?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
        return new MutatedDocument(seed, source, mutation, detail, "fuzz" + seed + ".json", json);
    }

    private static JsonNode? Parse(string text, bool isJson)
    {
        if (isJson)
        {
            return JsonNode.Parse(text);
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return YamlConverter.ToJsonNode(stream.Documents[0]);
    }

    private static void Collect(JsonNode? node, JsonNode? parent, string? key, int index, string path, List<(JsonNode?, string?, int, JsonNode?, string)> nodes)
    {
        nodes.Add((parent, key, index, node, path));
        switch (node)
        {
            case JsonObject obj:
                foreach (var pair in obj.ToList())
                {
                    Collect(pair.Value, obj, pair.Key, -1, path + "/" + pair.Key.Replace("~", "~0").Replace("/", "~1"), nodes);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], array, null, i, path + "/" + i, nodes);
                }

                break;
        }
    }

    private static T Pick<T>(Random random, List<T> items) => items[random.Next(items.Count)];

    private static void Remove(JsonNode parent, string? key, int index)
    {
        if (parent is JsonObject obj)
        {
            obj.Remove(key!);
        }
        else
        {
            ((JsonArray)parent).RemoveAt(index);
        }
    }

    private static void Replace(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[key!] = value;
        }
        else
        {
            ((JsonArray)parent)[index] = value;
        }
    }

    private static JsonNode? OtherType(JsonNode? node, Random random)
    {
        var choices = new Func<JsonNode?>[]
        {
            () => null,
            () => JsonValue.Create(true),
            () => JsonValue.Create(-1),
            () => JsonValue.Create(1e308),
            () => JsonValue.Create("text"),
            () => new JsonArray(JsonValue.Create("x"), null),
            () => new JsonObject { ["unexpected"] = new JsonObject() },
        };
        var kind = node?.GetValueKind();
        var candidates = choices.Where(c => c()?.GetValueKind() != kind).ToList();
        return candidates[random.Next(candidates.Count)]();
    }
}
