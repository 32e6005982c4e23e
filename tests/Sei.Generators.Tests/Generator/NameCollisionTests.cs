using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Sei.Client.Metadata;
using Sei.Generators.Tests.Infrastructure;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>
/// Documents/collisions.v1.yaml gathers names that collide: a property and a type of one name with an
/// enumeration default between them (the CS0236 seen on a real 3.1 document), enumeration values named
/// like types and like their own enumeration, parameters named like their types, properties named like
/// their declaring type, nested inline schemas named like their parents, schemas named like namespace
/// segments, .NET types and C# keywords, members named like the members generated code relies on, and
/// operations named like the client's members. It compiles warning-free, no generated type is named
/// without <c>global::</c>, the names keep their meaning, and the client behaves against a real server.
/// </summary>
public sealed class NameCollisionTests
{
    private const string Probe = """
        using System;
        using System.Linq;
        using System.Net.Http;
        using C = Consumer.Collisions.V1;

        public static class Probe
        {
            private static C.CollisionsClient Client(string baseUrl) => new C.CollisionsClient(new HttpClient { BaseAddress = new Uri(baseUrl) });

            public static async System.Threading.Tasks.Task<string> CreatePayment(string baseUrl)
            {
                var payment = new C.Payment { Id = "P-1", PlatformPaymentType = "free text", PaymentProperty = "own name", MemoIsSet = null };
                var created = (await Client(baseUrl).CreatePaymentAsync(payment)).Value;
                return string.Join("|", created.PaymentType == C.PlatformPaymentType.PlatformPayment, created.Kind == C.PaymentKind.PlatformPaymentType,
                    created.action == C.Action.Run, created.FallbackType.WireValue, created.PlatformPaymentType, created.PaymentProperty, created.Value, created.Amount, created.Note);
            }

            public static async System.Threading.Tasks.Task<string> GetTask(string baseUrl)
            {
                var task = (await Client(baseUrl).GetTaskAsync(C._3ds._2_1, action: C.Action.Stop, @class: "x", task: "t", cancellationToken2: "header")).Value;
                return string.Join("|", task.Id, task.TaskProperty?.Task?.Task, task.Owner?.Value, task.Items?.Single().Name, task.ByName?["k"].Value);
            }

            public static async System.Threading.Tasks.Task<string> ListRecords(string baseUrl)
            {
                var values = new System.Collections.Generic.List<string?>();
                await foreach (var record in Client(baseUrl).ListRecordsAsync(cursor: "c0", limit: 1))
                {
                    values.Add(record.Value);
                }

                var page = await Client(baseUrl).ListRecordsPageAsync(cursor: "c0", pageCursor: Sei.Client.SeiCursor.Parse("cursor=c1"));
                return string.Join(",", values) + "|" + page.Items.Single().Value;
            }

            public static async System.Threading.Tasks.Task<string> GetUnion(string baseUrl)
            {
                var text = (await Client(baseUrl).GetUnionAsync()).Value;
                var link = (await Client(baseUrl).GetUnionAsync()).Value;
                return text.String + "|" + link.Uri?.Href;
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(new[] { Document }, new[] { Probe }));

    internal static SpecFile Document => new(GeneratorHarness.ProjectDirectory + "collisions.v1.yaml", File.ReadAllText(Paths.TestDocument("collisions.v1.yaml")));

    [Fact]
    public void The_collisions_compile_without_a_warning_with_nullable_and_warnings_as_errors()
    {
        var run = Run.Value;

        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(run.GeneratorDiagnostics));
        var diagnostics = run.CompilationDiagnostics().ToList();
        Assert.True(diagnostics.Count == 0, GeneratorHarness.Describe(diagnostics));
    }

    [Fact]
    public void No_generated_type_is_named_without_global()
    {
        var bare = BareTypeReferences.Find(Run.Value);

        Assert.True(bare.Count == 0, string.Join(Environment.NewLine, bare.Take(30)));
    }

    [Fact]
    public void The_scan_finds_every_bare_reference_and_the_captured_ones()
    {
        // Generated code as it was before every reference was qualified: the scan must name each kind of place.
        var run = Run.Value;
        var compilation = run.OutputCompilation;
        foreach (var generated in run.Result.GeneratedTrees)
        {
            var tree = compilation.SyntaxTrees.Single(t => t.FilePath == generated.FilePath);
            var bare = tree.GetText().ToString().Replace("global::Consumer.Collisions.V1.", string.Empty, StringComparison.Ordinal);
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(bare)));
        }

        var found = BareTypeReferences.Find(run with { OutputCompilation = compilation });

        // The observed CS0236: the initializer's name binds to the property PlatformPaymentType, not to the enumeration.
        Assert.Contains(found, f => f.Contains("PaymentType { get; set; } = PlatformPaymentType.PlatformPayment;", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("global::Sei.Client.ISeiEnum<PaymentKind>", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("public bool Equals(PaymentKind other)", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("public static explicit operator PaymentKind(string value)", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("public Task? Task { get; set; }", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith(ModelsFile + "(", StringComparison.Ordinal) && f.Contains(": Payment in `[global::System.CodeDom.Compiler.GeneratedCode(", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("ReadJsonAsync<Payment, Serialization.PaymentJson>", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("_3ds _3ds", StringComparison.Ordinal));
    }

    private const string ModelsFile = "Sei.Generators/Sei.Generators.SeiClientGenerator/collisions.v1.yaml.Models.g.cs";

    [Fact]
    public void Colliding_names_keep_their_meaning()
    {
        var compilation = Run.Value.OutputCompilation;
        string[] Members(string type, bool statics = false) => compilation.GetTypeByMetadataName("Consumer.Collisions.V1." + type)!
            .GetMembers().OfType<IPropertySymbol>().Where(p => p.IsStatic == statics && p.Name != "KnownValues").Select(p => p.Name).ToArray();

        // Properties named like types keep their names; those named like the type itself or like members
        // generated code relies on say what they are; the second of two that differ only in case keeps its case.
        Assert.Equal(
            new[]
            {
                "Id", "PlatformPaymentType", "PaymentType", "FallbackType", "PaymentKind", "Kind", "Action", "action", "PaymentProperty", "EqualsProperty",
                "GetHashCodeProperty", "ToStringProperty", "AdditionalPropertiesProperty", "WireValue", "IsKnown", "Value", "System", "Sei", "Microsoft",
                "Serialization", "Task", "Amount", "Note", "Memo", "MemoIsSet", "AdditionalProperties",
            },
            Members("Payment"));
        Assert.Equal(
            new[] { "Card", "PlatformPaymentType", "Payment", "PaymentKindValue", "EqualsValue", "GetHashCodeValue", "ToStringValue", "WireValueValue", "IsKnownValue", "KnownValuesValue", "ValueValue", "valueValue" },
            Members("PaymentKind", statics: true));
        Assert.Equal(new[] { "_1_0", "_2_1", "_2_2" }, Members("_3ds", statics: true));
        Assert.Equal(new[] { "ValueMinus1", "Value0", "Value1" }, Members("Level", statics: true));

        // Types named like the client, its interface, its registration, or members their own kind declares give way; the rest keep the document's names.
        foreach (var name in new[] { "CollisionsClientSchema", "ICollisionsClientSchema", "CollisionsClientServiceCollectionExtensionsSchema", "SerializationSchema", "WireValueSchema", "KnownValuesSchema", "AdditionalPropertiesSchema", "ValueSchema", "V1", "System", "Sei", "Microsoft", "Json", "Consumer", "Collisions", "Task", "String", "Object", "Exception", "Class", "Record", "Var", "Required", "File", "Scoped", "TaskTask", "TaskTask2", "TaskTask2Task" })
        {
            Assert.True(compilation.GetTypeByMetadataName("Consumer.Collisions.V1." + name) is not null, name + " was not generated.");
        }

        // A property named like its type says so; inline schemas nested under it are named after where they stand.
        Assert.Equal(new[] { "ClassProperty", "Record", "AdditionalProperties" }, Members("Class"));
        Assert.Contains("TaskProperty", Members("Task"));
        Assert.Equal("global::Consumer.Collisions.V1.TaskTask2?", Type("Task", "TaskProperty"));
        Assert.Equal("global::Consumer.Collisions.V1.TaskTask2Task?", Type("TaskTask2", "Task"));
        Assert.Equal("string?", Type("TaskTask2Task", "Task"));

        string Type(string type, string member) => compilation.GetTypeByMetadataName("Consumer.Collisions.V1." + type)!.GetMembers(member).OfType<IPropertySymbol>().Single().Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes));
    }

    [Fact]
    public async Task Defaults_and_members_named_like_types_are_sent_and_read_as_the_document_says()
    {
        var assembly = CompiledClient.Compile(Run.Value);
        using var server = new LoopbackServer(request => (201, request.Body, "application/json"));

        var result = await CompiledClient.InvokeAsync(assembly, "CreatePayment", server.BaseAddress.ToString());

        Assert.Equal("True|True|True|MarketplacePayment|free text|own name|1.5|100|Say \"hi\"", result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/payments", request.RawUrl);
        using var body = JsonDocument.Parse(request.Body);
        var json = body.RootElement;
        Assert.Equal("PlatformPayment", json.GetProperty("paymentType").GetString());
        Assert.Equal("MarketplacePayment", json.GetProperty("fallbackType").GetString());
        Assert.Equal("PlatformPaymentType", json.GetProperty("kind").GetString());
        Assert.Equal("run", json.GetProperty("action").GetString());
        Assert.Equal("free text", json.GetProperty("PlatformPaymentType").GetString());
        Assert.Equal("own name", json.GetProperty("Payment").GetString());
        Assert.Equal(1.5, json.GetProperty("Value").GetDouble());
        Assert.Equal(100, json.GetProperty("amount").GetInt64());

        // memoIsSet was assigned null, so it is sent as null; memo was never assigned, so it is left out.
        Assert.Equal(JsonValueKind.Null, json.GetProperty("memoIsSet").ValueKind);
        Assert.False(json.TryGetProperty("memo", out _));
    }

    [Fact]
    public async Task Parameters_named_like_their_types_and_like_the_generated_ones_reach_the_wire()
    {
        var assembly = CompiledClient.Compile(Run.Value);
        using var server = new LoopbackServer(request => request.RawUrl switch
        {
            var url when url.StartsWith("/v1/tasks/", StringComparison.Ordinal) => (200, """{"id":"11111111-1111-1111-1111-111111111111","task":{"task":{"task":"deep"}},"owner":{"value":"o"},"items":[{"name":"n"}],"byName":{"k":{"value":"g"}}}""", "application/json"),
            var url when url.Contains("cursor=c1", StringComparison.Ordinal) => (200, """{"items":[{"value":"second"}],"paging":{"limit":1}}""", "application/json"),
            _ => (200, """{"items":[{"value":"first"}],"paging":{"next":"cursor=c1","limit":1}}""", "application/json"),
        });

        Assert.Equal("11111111-1111-1111-1111-111111111111|deep|o|n|g", await CompiledClient.InvokeAsync(assembly, "GetTask", server.BaseAddress.ToString()));
        Assert.Equal("first,second|second", await CompiledClient.InvokeAsync(assembly, "ListRecords", server.BaseAddress.ToString()));

        var requests = server.Requests.ToList();
        Assert.Equal("/v1/tasks/2.1?Action=stop&class=x&Task=t", requests[0].RawUrl);
        Assert.Equal("header", requests[0].Headers["CancellationToken"]);
        Assert.Equal(new[] { "/v1/records?cursor=c0&limit=1", "/v1/records?limit=1&cursor=c1", "/v1/records?cursor=c1" }, requests.Skip(1).Select(r => r.RawUrl));
    }

    [Fact]
    public async Task A_union_whose_alternatives_are_named_like_dotnet_types_reads_each()
    {
        var assembly = CompiledClient.Compile(Run.Value);
        var answers = new System.Collections.Concurrent.ConcurrentQueue<string>(new[] { "\"plain\"", """{"href":"/v1/h"}""" });
        using var server = new LoopbackServer(_ => (200, answers.TryDequeue(out var answer) ? answer : "null", "application/json"));

        Assert.Equal("plain|/v1/h", await CompiledClient.InvokeAsync(assembly, "GetUnion", server.BaseAddress.ToString()));
    }

    [Fact]
    public async Task Operations_named_like_any_member_of_a_client_get_methods_of_their_own()
    {
        // Every member a generated client has besides its operations: its base class's, and those the
        // generator declares (read from a compiled client, so a member added later is covered too).
        var generatedClient = CompiledClient.Compile(Run.Value).GetType("Consumer.Collisions.V1.CollisionsClient")!;
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var operations = OperationMethods(generatedClient).Select(m => m.Implementation).ToHashSet();
        var members = typeof(Sei.Client.SeiClientBase).GetMembers(All).Where(MemberVisibility.IsVisibleToDerivedTypes)
            .Concat(generatedClient.GetMembers(All | BindingFlags.DeclaredOnly).Where(m => m is not MethodInfo method || !operations.Contains(method)))
            .Where(m => m is not MethodBase { IsSpecialName: true } && !m.Name.Contains('<', StringComparison.Ordinal) && !m.Name.StartsWith('.'))
            .Select(m => m.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var operationIds = members.Select(m => m.EndsWith("Async", StringComparison.Ordinal) ? m.Substring(0, m.Length - 5) : m).Distinct(StringComparer.Ordinal).ToList();
        var document = new StringBuilder("openapi: 3.0.3\ninfo: {title: SEI Members API, version: '1'}\npaths:\n");
        for (var i = 0; i < operationIds.Count; i++)
        {
            document.Append("  /v1/operations/").Append(i).Append(":\n    get: {operationId: ").Append(operationIds[i]).Append(", responses: {'204': {description: Done.}}}\n");
        }

        var run = GeneratorHarness.Run(new SpecFile(GeneratorHarness.ProjectDirectory + "members.yaml", document.ToString()));
        Assert.True(run.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(run.GeneratorDiagnostics));
        var client = CompiledClient.Compile(run).GetType("Consumer.Members.V1.MembersClient")!;
        using var server = new LoopbackServer(_ => (204, string.Empty, null));
        using var http = new System.Net.Http.HttpClient { BaseAddress = server.BaseAddress };
        var instance = Activator.CreateInstance(client, http, null, null)!;
        var methods = OperationMethods(client).ToDictionary(m => m.Declared.GetCustomAttribute<SeiOperationAttribute>()!.OperationId!, StringComparer.Ordinal);
        for (var i = 0; i < operationIds.Count; i++)
        {
            var method = methods[operationIds[i]].Implementation;
            Assert.DoesNotContain(method.Name, members);
            await (Task)method.Invoke(instance, new object[] { CancellationToken.None })!;
            Assert.Equal("/v1/operations/" + i, server.Requests.Last().RawUrl);
        }
    }

    /// <summary>A client's operation methods: the metadata is on the interface member, the name on the class's.</summary>
    private static List<(MethodInfo Declared, MethodInfo Implementation)> OperationMethods(Type client)
    {
        var contract = client.GetInterface("I" + client.Name)!;
        var map = client.GetInterfaceMap(contract);
        return Enumerable.Range(0, map.InterfaceMethods.Length)
            .Where(i => map.InterfaceMethods[i].GetCustomAttribute<SeiOperationAttribute>() is not null)
            .Select(i => (map.InterfaceMethods[i], map.TargetMethods[i]))
            .ToList();
    }
}
