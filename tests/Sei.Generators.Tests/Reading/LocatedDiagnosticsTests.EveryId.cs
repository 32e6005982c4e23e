using System.Linq;
using Microsoft.CodeAnalysis;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.Reading;

/// <summary>
/// Every diagnostic the generator reports on a document starts at the node it is about, in YAML and
/// in JSON, and in Swagger 2.0 at the 2.0 node rather than at the 3.x form Microsoft.OpenApi reads it
/// into. Each document marks the expected start with <see cref="Here"/>, which is taken out before
/// the document is read. SEI1006 is about the project (no location), and SEI9001, a bug of ours, has
/// no document that causes it; both are tested elsewhere.
/// </summary>
public sealed partial class LocatedDiagnosticsTests
{
    /// <summary>Marks where the diagnostic must start.</summary>
    private const char Here = '‸';

    public static TheoryData<string, string, string> EveryId => new()
    {
        // SEI1001: where the parser stopped; at the end of a text cut off inside a string; at half a surrogate pair.
        { "SEI1001", "syntax.yaml", "openapi: 3.0.3\ninfo:\n  title: Broken\n  version: 1.0.0\npaths:\n  /v1/things:\n    get: [unclosed\n‸" },
        { "SEI1001", "syntax.json", "{\n  \"openapi\": \"3.0.3\",\n  \"paths\": { \"/a\": { \"get\": ‸} }\n}\n" },
        { "SEI1001", "cut.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"Cut‸" },
        { "SEI1001", "cut.yaml", "openapi: 3.0.3\ninfo:\n  title: ‸\"Cut" },
        { "SEI1001", "surrogate-value.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"A‸\\ud800B\", \"version\": \"1\"},\n  \"paths\": {}\n}\n" },
        { "SEI1001", "surrogate-key.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {\"‸\\udc00\": {}}\n}\n" },
        { "SEI1001", "surrogate-value.yaml", "openapi: 3.0.3\ninfo:\n  title: ‸\"A\\ud800B\"\n  version: '1'\npaths: {}\n" },
        { "SEI1001", "surrogate-key.yaml", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  ‸\"/a\\udc00\": {}\n" },

        // SEI1002 at the $ref itself, in 3.0 and in a 2.0 body parameter.
        { "SEI1002", "ref.yaml", Yaml30 + "components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        other:\n          ‸$ref: '#/components/schemas/Missing'\n" },
        { "SEI1002", "ref.json", Json30("\"components\": {\"schemas\": {\"Thing\": {\"type\": \"object\", \"properties\": {\n  \"other\": {‸\"$ref\": \"#/components/schemas/Missing\"}}}}}") },
        { "SEI1002", "ref2.yaml", Yaml20 + "paths:\n  /v1/things:\n    post:\n      parameters:\n        - {name: q, in: query, type: string}\n        - name: body\n          in: body\n          schema:\n            ‸$ref: '#/definitions/Missing'\n      responses:\n        '204': {description: ok}\n" },
        { "SEI1002", "ref2.json", Json20("\"paths\": {\"/v1/things\": {\"post\": {\"parameters\": [\n  {\"name\": \"q\", \"in\": \"query\", \"type\": \"string\"},\n  {\"name\": \"body\", \"in\": \"body\", \"schema\": {‸\"$ref\": \"#/definitions/Missing\"}}],\n  \"responses\": {\"204\": {\"description\": \"ok\"}}}}}") },

        // SEI1003 at the version.
        { "SEI1003", "future.yaml", "info: {title: T, version: '1'}\n‸openapi: 4.0.0\npaths: {}\n" },
        { "SEI1003", "future.json", "{\"info\": {\"title\": \"T\", \"version\": \"1\"},\n ‸\"openapi\": \"4.0.0\", \"paths\": {}}\n" },

        // SEI1004 at a misspelt field, whose meaning the client lacks.
        { "SEI1004", "typo.yaml", Yaml30 + "components:\n  schemas:\n    Thing:\n      type: object\n      ‸requird: [name]\n      properties:\n        name: {type: string}\n" },
        { "SEI1004", "typo.json", Json30("\"components\": {\"schemas\": {\"Thing\": {\"type\": \"object\",\n  ‸\"requird\": [\"name\"], \"properties\": {\"name\": {\"type\": \"string\"}}}}}") },

        // SEI1004 at an API key's location that is a path, which the reader takes and the specification does not: in 3.0 and in 2.0.
        { "SEI1004", "key-in-path.yaml", Yaml30 + "paths: {}\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, name: X-Key, ‸in: path}\n" },
        { "SEI1004", "key-in-path2.yaml", Yaml20 + "paths: {}\nsecurityDefinitions:\n  key: {type: apiKey, name: X-Key, ‸in: path}\n" },

        // SEI1005 at the $ref.
        { "SEI1005", "external.yaml", Yaml30 + "components:\n  schemas:\n    Thing:\n      properties:\n        other:\n          ‸$ref: 'common.yaml#/Other'\n" },
        { "SEI1005", "external.json", Json30("\"components\": {\"schemas\": {\"Thing\": {\"properties\": {\"other\": {\n  ‸\"$ref\": \"common.yaml#/Other\"}}}}}") },

        // SEI1007 at an unknown field: of an operation in 3.0, and of the second parameter in 2.0 (the reader names only the list).
        { "SEI1007", "unknown.yaml", Yaml30 + "paths:\n  /v1/things:\n    get:\n      ‸vendorNote: List things\n      responses:\n        '204': {description: ok}\n" },
        { "SEI1007", "unknown.json", Json30("\"paths\": {\"/v1/things\": {\"get\": {\n  ‸\"vendorNote\": \"List things\", \"responses\": {\"204\": {\"description\": \"ok\"}}}}}") },
        { "SEI1007", "unknown2.yaml", Yaml20 + "paths:\n  /v1/things:\n    get:\n      parameters:\n        - {name: a, in: query, type: string}\n        - name: b\n          in: query\n          type: string\n          ‸example: x\n      responses:\n        '204': {description: ok}\n" },
        { "SEI1007", "unknown2.json", Json20("\"paths\": {\"/v1/things\": {\"get\": {\"parameters\": [\n  {\"name\": \"a\", \"in\": \"query\", \"type\": \"string\"},\n  {\"name\": \"b\", \"in\": \"query\", \"type\": \"string\", ‸\"example\": \"x\"}],\n  \"responses\": {\"204\": {\"description\": \"ok\"}}}}}") },

        // SEI1008 at the first finding that is not listed: the sixth of one kind.
        { "SEI1008", "flood.yaml", Yaml30 + "paths:\n" + string.Concat(Enumerable.Range(1, 7).Select(i => "  /v1/t" + i + ":\n    get:\n      " + (i == 6 ? "‸" : string.Empty) + "summry: x\n      responses:\n        '204': {description: ok}\n")) },
        { "SEI1008", "flood.json", Json30("\"paths\": {" + string.Join(",", Enumerable.Range(1, 7).Select(i => "\n  \"/v1/t" + i + "\": {\"get\": {" + (i == 6 ? "‸" : string.Empty) + "\"summry\": \"x\", \"responses\": {\"204\": {\"description\": \"ok\"}}}}")) + "}") },

        // SEI2001 at the placeholder in the path template.
        { "SEI2001", "undeclared.yaml", Yaml30 + "paths:\n  /v1/things/‸{thingId}:\n    get:\n      responses:\n        '204': {description: ok}\n" },
        { "SEI2001", "undeclared.json", Json30("\"paths\": {\n  \"/v1/things/‸{thingId}\": {\"get\": {\"responses\": {\"204\": {\"description\": \"ok\"}}}}}") },

        // SEI2002 at the parameter; in 2.0 past a body parameter, which the 3.x model's list lacks.
        { "SEI2002", "unused.yaml", Yaml30 + "paths:\n  /v1/things:\n    get:\n      parameters:\n        - {name: q, in: query, schema: {type: string}}\n        - ‸{name: id, in: path, required: true, schema: {type: string}}\n      responses:\n        '204': {description: ok}\n" },
        { "SEI2002", "unused.json", Json30("\"paths\": {\"/v1/things\": {\"get\": {\"parameters\": [\n  {\"name\": \"q\", \"in\": \"query\", \"schema\": {\"type\": \"string\"}},\n  ‸{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": {\"type\": \"string\"}}],\n  \"responses\": {\"204\": {\"description\": \"ok\"}}}}}") },
        { "SEI2002", "unused2.yaml", Yaml20 + "paths:\n  /v1/things:\n    post:\n      parameters:\n        - {name: body, in: body, schema: {type: object}}\n        - ‸{name: id, in: path, required: true, type: string}\n      responses:\n        '204': {description: ok}\n" },
        { "SEI2002", "unused2.json", Json20("\"paths\": {\"/v1/things\": {\"post\": {\"parameters\": [\n  {\"name\": \"body\", \"in\": \"body\", \"schema\": {\"type\": \"object\"}},\n  ‸{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"type\": \"string\"}],\n  \"responses\": {\"204\": {\"description\": \"ok\"}}}}}") },

        // SEI2003 at the later operationId.
        { "SEI2003", "dupes.yaml", Yaml30 + "paths:\n  /v1/a:\n    get:\n      operationId: fetch\n      responses: {'204': {description: ok}}\n  /v1/b:\n    get:\n      ‸operationId: fetch\n      responses: {'204': {description: ok}}\n" },
        { "SEI2003", "dupes.json", Json30("\"paths\": {\"/v1/a\": {\"get\": {\"operationId\": \"fetch\", \"responses\": {\"204\": {\"description\": \"ok\"}}}},\n  \"/v1/b\": {\"get\": {‸\"operationId\": \"fetch\", \"responses\": {\"204\": {\"description\": \"ok\"}}}}}") },

        // SEI2004 at the schema that refers only to itself; SEI2032 at a 2.0 operation's own schemes.
        { "SEI2004", "loop.yaml", Yaml30 + "components:\n  schemas:\n    ‸A:\n      $ref: '#/components/schemas/A'\n" },
        { "SEI2004", "loop.json", Json30("\"components\": {\"schemas\": {\n  ‸\"A\": {\"$ref\": \"#/components/schemas/A\"}}}") },
        { "SEI2032", "schemes.yaml", Yaml20 + "schemes: [https]\npaths:\n  /v1/things:\n    get:\n      ‸schemes: [http]\n      responses:\n        '204': {description: ok}\n" },
        { "SEI2032", "schemes.json", Json20("\"schemes\": [\"https\"], \"paths\": {\"/v1/things\": {\"get\": {\n  ‸\"schemes\": [\"http\"], \"responses\": {\"204\": {\"description\": \"ok\"}}}}}") },

        // SEI2006 at the GET operation, SEI2007 at its unbounded parameter.
        { "SEI2006", "long.yaml", Yaml30 + "paths:\n  /v1/things:\n    ‸get:\n      parameters:\n        - {name: ids, in: query, explode: false, schema: {type: array, maxItems: 300, items: {type: string, maxLength: 20}}}\n      responses:\n        '204': {description: ok}\n" },
        { "SEI2006", "long.json", Json30("\"paths\": {\"/v1/things\": {\n  ‸\"get\": {\"parameters\": [{\"name\": \"ids\", \"in\": \"query\", \"explode\": false, \"schema\": {\"type\": \"array\", \"maxItems\": 300, \"items\": {\"type\": \"string\", \"maxLength\": 20}}}],\n  \"responses\": {\"204\": {\"description\": \"ok\"}}}}}") },
        { "SEI2007", "unbounded.yaml", Yaml30 + "paths:\n  /v1/things:\n    get:\n      parameters:\n        - ‸{name: tags, in: query, schema: {type: array, items: {type: string}}}\n      responses:\n        '204': {description: ok}\n" },
        { "SEI2007", "unbounded.json", Json30("\"paths\": {\"/v1/things\": {\"get\": {\"parameters\": [\n  ‸{\"name\": \"tags\", \"in\": \"query\", \"schema\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}],\n  \"responses\": {\"204\": {\"description\": \"ok\"}}}}}") },

        // The rules that were once cases of SEI2004 and SEI2009, each at its own node.
        { "SEI2004", "aliases.yaml", Yaml30 + "components:\n  schemas:\n    ‸A:\n      allOf:\n        - $ref: '#/components/schemas/B'\n    B:\n      allOf:\n        - $ref: '#/components/schemas/A'\n" },
        { "SEI2016", "cycle.yaml", Yaml30 + "components:\n  schemas:\n    ‸A:\n      $ref: '#/components/schemas/B'\n    B:\n      $ref: '#/components/schemas/A'\n" },
        { "SEI2022", "inherit.yaml", Yaml30 + "components:\n  schemas:\n    A:\n      allOf:\n        - $ref: '#/components/schemas/B'\n        - {type: object, properties: {a: {type: string}}}\n    B:\n      allOf:\n        - ‸$ref: '#/components/schemas/A'\n        - {type: object, properties: {b: {type: string}}}\n" },
        { "SEI2023", "union.yaml", Yaml30 + "components:\n  schemas:\n    Thing:\n      oneOf:\n        - ‸$ref: '#/components/schemas/Thing'\n        - {type: string}\n" },
        { "SEI2025", "form.yaml", Yaml30 + "paths:\n  /v1/notes:\n    post:\n      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            ‸schema: {type: string}\n      responses:\n        '204': {description: ok}\n" },
        { "SEI2028", "header.yaml", Yaml30 + "paths:\n  /v1/things:\n    get:\n      responses:\n        '204':\n          description: ok\n          headers:\n            ‸X-Rate: {schema: {type: object, properties: {left: {type: integer}}}}\n" },
        { "SEI2029", "nested.yaml", Yaml30 + "paths:\n  /v1/things:\n    get:\n      parameters:\n        - ‸{name: filter, in: query, schema: {type: object, properties: {range: {type: object, properties: {gt: {type: integer}}}}}}\n      responses:\n        '204': {description: ok}\n" },
        { "SEI2031", "scheme.yaml", Yaml30 + "security:\n  - ‸{oauht: [write]}\npaths: {}\n" },
        { "SEI2034", "deep.yaml", Yaml30 + "paths:\n  /v1/things:\n    get:\n      parameters:\n        - ‸{name: expand, in: query, style: deepObject, explode: true, schema: {type: array, items: {type: string}}}\n      responses:\n        '204': {description: ok}\n" },
    };

    private const string Yaml30 = "openapi: 3.0.3\ninfo: {title: Located, version: '1'}\n";

    private const string Yaml20 = "swagger: '2.0'\ninfo: {title: Located, version: '1'}\n";

    [Theory]
    [MemberData(nameof(EveryId))]
    public void Each_diagnostic_starts_at_its_node(string id, string fileName, string marked)
    {
        var (text, expected) = Unmark(marked);
        var path = "/project/" + fileName;
        var run = Run(path, text);

        var diagnostic = Single(run, id);
        Assert.Equal(expected, Position(diagnostic));
        Assert.Null(DiagnosticSpans.Problem(diagnostic, path, text));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Null(DiagnosticSpans.Problem(d, path, text)));
    }

    [Theory]
    [InlineData("/project/surrogate.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"A‸", "B\", \"version\": \"1\"},\n  \"paths\": {}\n}\n")]
    [InlineData("/project/surrogate.yaml", "openapi: 3.0.3\ninfo:\n  title: A‸", "B\n  version: '1'\npaths: {}\n")]
    public void Half_a_surrogate_pair_written_as_a_character_is_located_at_it(string path, string before, string after)
    {
        // Put together here: test data holding half a surrogate pair does not survive xUnit's serialisation.
        var (text, expected) = Unmark(before + "\uD800" + after);
        var run = Run(path, text);

        var diagnostic = Single(run, "SEI1001");
        Assert.Equal(expected, Position(diagnostic));
        Assert.Null(DiagnosticSpans.Problem(diagnostic, path, text));
    }

    [Fact]
    public void A_namespace_conflict_points_at_the_title_of_the_document_left_out()
    {
        var (text, expected) = Unmark("openapi: 3.0.3\ninfo:\n  ‸title: Located\n  version: '1'\npaths: {}\n");
        var run = GeneratorHarness.Run(new SpecFile("/project/a/located.yaml", text), new SpecFile("/project/b/located.yaml", text));

        var diagnostic = Single(run, "SEI2005");
        Assert.Equal("/project/b/located.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(expected, Position(diagnostic));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_breaking_change_points_at_the_newer_document_in_its_own_shape(bool swagger2)
    {
        // In 2.0 the new query parameter stands after a body parameter, which the 3.x model's list lacks.
        string Document(int version, string extra) => swagger2
            ? "swagger: '2.0'\ninfo: {title: SEI Widgets API, version: '" + version + ".0.0'}\npaths:\n  /v" + version + "/widgets:\n    post:\n      operationId: addWidget\n      parameters:\n        - {name: body, in: body, schema: {type: object}}\n" + extra + "      responses:\n        '204': {description: ok}\n"
            : "openapi: 3.0.3\ninfo: {title: SEI Widgets API, version: '" + version + ".0.0'}\npaths:\n  /v" + version + "/widgets:\n    post:\n      operationId: addWidget\n      parameters:\n        - {name: a, in: header, schema: {type: string}}\n" + extra + "      responses:\n        '204': {description: ok}\n";
        var (v2, expected) = Unmark(Document(2, "        - ‸{name: asOf, in: query, required: true, " + (swagger2 ? "type: string" : "schema: {type: string}") + "}\n"));
        var run = GeneratorHarness.Run(new SpecFile("/project/widgets.v1.yaml", Document(1, string.Empty)), new SpecFile("/project/widgets.v2.yaml", v2));

        var diagnostic = Single(run, "SEI2014");
        Assert.Equal("/project/widgets.v2.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(expected, Position(diagnostic));
    }

    [Fact]
    public void A_mistyped_ref_is_one_diagnostic_in_YAML_and_in_JSON()
    {
        foreach (var (path, text) in new[]
        {
            ("/project/typo.yaml", Yaml30 + "paths:\n  /v1/pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Onwer'\ncomponents:\n  schemas:\n    Owner: {type: object}\n"),
            ("/project/typo.json", Json30("\"paths\": {\"/v1/pets\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Onwer\"}}}}}}}},\n\"components\": {\"schemas\": {\"Owner\": {\"type\": \"object\"}}}")),
        })
        {
            var run = Run(path, text);
            var reported = Assert.Single(run.GeneratorDiagnostics);
            Assert.Equal("SEI1002", reported.Id);
        }
    }

    private static string Json30(string members) => "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Located\", \"version\": \"1\"},\n" + members + "}\n";

    private static string Json20(string members) => "{\"swagger\": \"2.0\", \"info\": {\"title\": \"Located\", \"version\": \"1\"},\n" + members + "}\n";

    /// <summary>The text without its marker, and the 1-based line and column the marker stood at.</summary>
    private static (string Text, (int Line, int Column) Position) Unmark(string marked)
    {
        var at = marked.IndexOf(Here, System.StringComparison.Ordinal);
        Assert.True(at >= 0, "The document has no marker.");
        var before = marked.Substring(0, at);
        var line = before.Count(c => c == '\n') + 1;
        var column = at - (before.LastIndexOf('\n') + 1) + 1;
        return (marked.Remove(at, 1), (line, column));
    }
}
