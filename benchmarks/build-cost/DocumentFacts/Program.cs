using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SharpYaml.Serialization;

// Prints one line per document: "<path>\t<operations>\t<version>". An operation is one HTTP method
// under one entry of "paths", as in tests/corpus/MANIFEST.tsv (webhooks and callbacks are not
// counted). The document is only parsed, not validated: the count must not depend on how well a
// reader copes with a document, since both tools are given the same text whatever its flaws.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: DocumentFacts <document>...");
    return 2;
}

var methods = new HashSet<string>(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
foreach (var path in args)
{
    try
    {
        var (operations, version) = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(path) : ReadYaml(path);
        Console.WriteLine(path + "\t" + operations + "\t" + version);
    }
    catch (Exception exception) when (exception is IOException or JsonException or SharpYaml.YamlException or InvalidCastException)
    {
        // A document neither parser can read still gets a row, with no count, and the tools say why it fails.
        Console.Error.WriteLine(path + ": " + exception.Message);
        Console.WriteLine(path + "\t?\t?");
    }
}

return 0;

(int Operations, string Version) ReadJson(string path)
{
    var bytes = File.ReadAllBytes(path);
    using var document = JsonDocument.Parse(bytes.AsMemory(StartOfText(bytes)), new JsonDocumentOptions { MaxDepth = 1024 });
    var root = document.RootElement;
    var operations = 0;
    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object)
    {
        foreach (var pathItem in paths.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
        {
            operations += pathItem.Value.EnumerateObject().Count(member => methods.Contains(member.Name));
        }
    }

    return (operations, VersionOf(root, "openapi") ?? VersionOf(root, "swagger") ?? "?");
}

(int Operations, string Version) ReadYaml(string path)
{
    var bytes = File.ReadAllBytes(path);
    var start = StartOfText(bytes);
    var stream = new YamlStream();
    stream.Load(new StringReader(Encoding.UTF8.GetString(bytes, start, bytes.Length - start)));
    if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
    {
        return (0, "?");
    }

    var operations = 0;
    if (Child(root, "paths") is YamlMappingNode paths)
    {
        foreach (var pathItem in paths.Children.Values.OfType<YamlMappingNode>())
        {
            operations += pathItem.Children.Keys.OfType<YamlScalarNode>().Count(key => key.Value is not null && methods.Contains(key.Value));
        }
    }

    var version = (Child(root, "openapi") ?? Child(root, "swagger")) as YamlScalarNode;
    return (operations, version?.Value ?? "?");
}

static YamlNode? Child(YamlMappingNode mapping, string key)
    => mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode scalar && scalar.Value == key).Value;

static string? VersionOf(JsonElement root, string key)
    => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

// Some published documents start with a UTF-8 byte order mark, which neither parser takes.
static int StartOfText(byte[] bytes)
    => bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
