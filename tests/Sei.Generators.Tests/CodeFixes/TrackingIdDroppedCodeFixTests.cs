using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Sei.Generators.Analyzers;
using Sei.Generators.CodeFixes;
using Sei.Generators.Tests.Infrastructure;
using Xunit;

namespace Sei.Generators.Tests.CodeFixes;

/// <summary>The SEI3001 fixes, before and after, one at a time and all at once.</summary>
public sealed class TrackingIdDroppedCodeFixTests
{
    private const string Preamble = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using Sei.Client;
        using Sei.Client.Metadata;

        public sealed class FakeClient
        {
            [SeiOperation("GET", "/v1/things")]
            public Task GetThingAsync() => Task.CompletedTask;
        }

        public sealed class Usage
        {
            private readonly FakeClient _client = new();
            private readonly ILogger _logger = null!;

        """;

    private static Task VerifyAsync(string before, string after)
    {
        var test = new CSharpCodeFixTest<TrackingIdDroppedAnalyzer, TrackingIdDroppedCodeFixProvider, DefaultVerifier>
        {
            TestCode = Preamble + before + "\n}\n",
            FixedCode = Preamble + after + "\n}\n",
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            CodeActionEquivalenceKey = TrackingIdDroppedCodeFixProvider.EquivalenceKey,
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.DefaultReferences);
        test.FixedState.AdditionalReferences.AddRange(GeneratorHarness.DefaultReferences);
        return test.RunAsync();
    }

    [Fact]
    public Task A_log_call_gets_the_tracking_id_as_a_structured_argument() => VerifyAsync(
        """
            public async Task Run()
            {
                try { await _client.GetThingAsync(); }
                catch (SeiApiException ex)
                {
                    {|SEI3001:_logger.LogWarning("The thing failed")|};
                }
            }
        """,
        """
            public async Task Run()
            {
                try { await _client.GetThingAsync(); }
                catch (SeiApiException ex)
                {
                    _logger.LogWarning("The thing failed (tracking ID {TrackingId})", ex.TrackingId);
                }
            }
        """);

    [Fact]
    public Task A_silent_catch_gets_a_log_call_with_the_logger_in_scope_and_fix_all_fixes_every_one() => VerifyAsync(
        """
            public async Task Run()
            {
                try { await _client.GetThingAsync(); }
                {|SEI3001:catch|} (SeiApiException ex)
                {
                    Console.WriteLine(ex.Code);
                }

                try { await _client.GetThingAsync(); }
                {|SEI3001:catch|} (SeiApiException)
                {
                }
            }
        """,
        """
            public async Task Run()
            {
                try { await _client.GetThingAsync(); }
                catch (SeiApiException ex)
                {
                    _logger.LogError(ex, "SEI call failed; tracking ID {TrackingId}", ex.TrackingId);
                    Console.WriteLine(ex.Code);
                }

                try { await _client.GetThingAsync(); }
                catch (SeiApiException ex)
                {
                    _logger.LogError(ex, "SEI call failed; tracking ID {TrackingId}", ex.TrackingId);
                }
            }
        """);
}
