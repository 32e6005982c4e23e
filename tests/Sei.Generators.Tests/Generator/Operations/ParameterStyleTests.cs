using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator.Operations;

/// <summary>
/// Every cell of OpenAPI's style table, through a compiled client: one operation per cell (style, explode,
/// and the value's shape: empty string, string, array, object) in the location the style belongs to,
/// called with the table's values (<c>blue</c>, <c>[blue, black, brown]</c>, <c>{R: 100, G: 200, B: 150}</c>)
/// against a loopback server, which must see exactly the table's text.
/// </summary>
public sealed class ParameterStyleTests
{
    /// <summary>One cell: where, which style, explode, the value's shape, and what the server must see.</summary>
    private sealed record Cell(string In, string Style, bool Explode, string Shape, string Expected)
    {
        public string Id => In + "-" + Style + "-" + (Explode ? "exploded" : "plain") + "-" + Shape;
    }

    private const string Refused = "(refused: ArgumentException)";

    private static readonly Cell[] Cells =
    {
        new("path", "matrix", false, "empty", ";color"),
        new("path", "matrix", false, "string", ";color=blue"),
        new("path", "matrix", false, "array", ";color=blue,black,brown"),
        new("path", "matrix", false, "object", ";color=R,100,G,200,B,150"),
        new("path", "matrix", true, "empty", ";color"),
        new("path", "matrix", true, "string", ";color=blue"),
        new("path", "matrix", true, "array", ";color=blue;color=black;color=brown"),
        new("path", "matrix", true, "object", ";R=100;G=200;B=150"),
        // The table's "." is a whole path segment, which every URL parser removes (as it does ".."): the
        // request would reach another resource, so the client refuses to send it.
        new("path", "label", false, "empty", Refused),
        new("path", "label", false, "string", ".blue"),
        new("path", "label", false, "array", ".blue,black,brown"),
        new("path", "label", false, "object", ".R,100,G,200,B,150"),
        new("path", "label", true, "empty", Refused),
        new("path", "label", true, "string", ".blue"),
        new("path", "label", true, "array", ".blue.black.brown"),
        new("path", "label", true, "object", ".R=100.G=200.B=150"),
        new("path", "simple", false, "string", "blue"),
        new("path", "simple", false, "array", "blue,black,brown"),
        new("path", "simple", false, "object", "R,100,G,200,B,150"),
        new("path", "simple", true, "string", "blue"),
        new("path", "simple", true, "array", "blue,black,brown"),
        new("path", "simple", true, "object", "R=100,G=200,B=150"),
        new("query", "form", false, "empty", "color="),
        new("query", "form", false, "string", "color=blue"),
        new("query", "form", false, "array", "color=blue,black,brown"),
        new("query", "form", false, "object", "color=R,100,G,200,B,150"),
        new("query", "form", true, "empty", "color="),
        new("query", "form", true, "string", "color=blue"),
        new("query", "form", true, "array", "color=blue&color=black&color=brown"),
        new("query", "form", true, "object", "R=100&G=200&B=150"),
        new("query", "spaceDelimited", false, "array", "color=blue%20black%20brown"),
        new("query", "spaceDelimited", false, "object", "color=R%20100%20G%20200%20B%20150"),
        new("query", "pipeDelimited", false, "array", "color=blue%7Cblack%7Cbrown"),
        new("query", "pipeDelimited", false, "object", "color=R%7C100%7CG%7C200%7CB%7C150"),
        new("query", "deepObject", true, "object", "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
        new("header", "simple", false, "string", "blue"),
        new("header", "simple", false, "array", "blue,black,brown"),
        new("header", "simple", false, "object", "R,100,G,200,B,150"),
        new("header", "simple", true, "string", "blue"),
        new("header", "simple", true, "array", "blue,black,brown"),
        new("header", "simple", true, "object", "R=100,G=200,B=150"),
        new("cookie", "form", false, "empty", "color="),
        new("cookie", "form", false, "string", "color=blue"),
        new("cookie", "form", false, "array", "color=blue,black,brown"),
        new("cookie", "form", false, "object", "color=R,100,G,200,B,150"),
        new("cookie", "form", true, "string", "color=blue"),
        new("cookie", "form", true, "array", "color=blue&color=black&color=brown"),
        new("cookie", "form", true, "object", "R=100&G=200&B=150"),
    };

    [Fact]
    public async Task Every_cell_of_the_style_table_is_sent_as_the_specification_shows_it()
    {
        using var server = new LoopbackServer(_ => (204, string.Empty, null));
        var run = GeneratorHarness.Run(new[] { new SpecFile("/project/styles.yaml", Document()) }, new[] { Probe() });
        Assert.Empty(run.GeneratorDiagnostics);
        var assembly = CompiledClient.Compile(run);

        var outcomes = (await CompiledClient.InvokeAsync(assembly, "CallAll", server.BaseAddress.ToString())).Split('\n');

        var requests = new Queue<RecordedRequest>(server.Requests);
        Assert.Equal(Cells.Count(c => c.Expected != Refused), requests.Count);
        var mismatches = new List<string>();
        for (var i = 0; i < Cells.Length; i++)
        {
            var cell = Cells[i];
            if (outcomes[i] != "sent")
            {
                if (outcomes[i] != cell.Expected)
                {
                    mismatches.Add(cell.Id + ": " + outcomes[i] + ", the expectation is '" + cell.Expected + "'");
                }

                continue;
            }

            var request = requests.Dequeue();
            var seen = cell.In switch
            {
                "path" => request.RawUrl.Substring(("/" + cell.Id + "/").Length),
                "query" => request.RawUrl.Substring(request.RawUrl.IndexOf('?') + 1),
                "header" => request.Headers["X-Color"],
                _ => request.Headers["Cookie"],
            };
            if (seen != cell.Expected)
            {
                mismatches.Add(cell.Id + ": sent '" + seen + "', the table says '" + cell.Expected + "'");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static string Document()
    {
        var text = new StringBuilder("""
            openapi: 3.0.3
            info:
              title: SEI Styles API
              version: 1.0.0
            paths:

            """);
        foreach (var cell in Cells)
        {
            var schema = cell.Shape switch
            {
                "array" => "{ type: array, maxItems: 3, items: { type: string, maxLength: 5 } }",
                "object" => "{ $ref: '#/components/schemas/Rgb' }",
                _ => "{ type: string }",
            };
            var name = cell.In == "header" ? "X-Color" : "color";
            text.Append("  /").Append(cell.Id).Append(cell.In == "path" ? "/{color}" : string.Empty).Append(":\n")
                .Append("    get:\n")
                .Append("      operationId: ").Append(cell.Id).Append('\n')
                .Append("      parameters:\n")
                .Append("        - { name: ").Append(name).Append(", in: ").Append(cell.In).Append(", required: true, style: ").Append(cell.Style)
                .Append(", explode: ").Append(cell.Explode ? "true" : "false").Append(", schema: ").Append(schema).Append(" }\n")
                .Append("      responses:\n        '204': { description: Done. }\n");
        }

        text.Append("""
            components:
              schemas:
                Rgb:
                  type: object
                  required: [R, G, B]
                  properties:
                    R: { type: integer }
                    G: { type: integer }
                    B: { type: integer }

            """);
        return text.ToString();
    }

    private static string Probe()
    {
        var calls = new StringBuilder();
        foreach (var cell in Cells)
        {
            var value = cell.Shape switch
            {
                "empty" => "\"\"",
                "string" => "\"blue\"",
                "array" => "new[] { \"blue\", \"black\", \"brown\" }",
                _ => "new Rgb { R = 100, G = 200, B = 150 }",
            };
            calls.Append("        await Call(() => client.").Append(string.Concat(cell.Id.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)))).Append("Async(").Append(value).Append("));\n");
        }

        return """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Consumer.Styles.V1;

            public static class Probe
            {
                private static readonly System.Collections.Generic.List<string> Outcomes = new();

                public static async Task<string> CallAll(string baseUrl)
                {
                    var client = new StylesClient(new HttpClient { BaseAddress = new Uri(baseUrl) });

            """ + calls + """
                    return string.Join("\n", Outcomes);
                }

                private static async Task Call(Func<Task> call)
                {
                    try
                    {
                        await call();
                        Outcomes.Add("sent");
                    }
                    catch (ArgumentException exception)
                    {
                        Outcomes.Add("(refused: " + exception.GetType().Name + ")");
                    }
                }
            }
            """;
    }
}
