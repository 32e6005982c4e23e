using System.Threading.Tasks;
using Sei.Generators.Analyzers;
using Xunit;
using Verify = Sei.Generators.Tests.Analyzers.AnalyzerVerifier<Sei.Generators.Analyzers.TrackingIdDroppedAnalyzer>;

namespace Sei.Generators.Tests.Analyzers;

/// <summary>SEI3001: every true positive is marked in the code ({|SEI3001:...|}); every false positive case expects nothing.</summary>
public sealed class TrackingIdDroppedAnalyzerTests
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

        public static partial class Log
        {
            [LoggerMessage(1, LogLevel.Error, "Thing failed")]
            public static partial void ThingFailed(ILogger logger, Exception exception);

            [LoggerMessage(2, LogLevel.Error, "Thing failed without detail")]
            public static partial void ThingFailedQuietly(ILogger logger);

            public static partial void ThingFailed(ILogger logger, Exception exception) { }

            public static partial void ThingFailedQuietly(ILogger logger) { }
        }

        public sealed class Usage
        {
            private readonly FakeClient _client = new();
            private readonly ILogger _logger = null!;

            private void Record(Exception exception) => _logger.LogError(exception, "Recorded");

        """;

    private static Task Verify(string members) => AnalyzerVerifier<TrackingIdDroppedAnalyzer>.VerifyAsync(Preamble + members + "\n}\n");

    [Fact]
    public Task A_catch_that_swallows_the_error_is_reported() => Verify("""
            public async Task Run()
            {
                try { await _client.GetThingAsync(); }
                {|SEI3001:catch|} (SeiApiException ex) { Console.WriteLine("failed: " + ex.Code); }
            }
        """);

    [Fact]
    public Task A_catch_without_a_variable_is_reported() => Verify("""
            public async Task Run()
            {
                try { await _client.GetThingAsync(); }
                {|SEI3001:catch|} (SeiApiException) { }
            }
        """);

    [Fact]
    public Task A_broad_catch_around_a_generated_client_call_is_reported() => Verify("""
            public async Task<bool> Run()
            {
                try { await _client.GetThingAsync(); return true; }
                {|SEI3001:catch|} (Exception) { return false; }
            }
        """);

    [Fact]
    public Task A_log_call_with_message_text_alone_is_reported_where_it_stands() => Verify("""
            public async Task Run()
            {
                try { await _client.GetThingAsync(); }
                catch (SeiApiException ex) when (ex.Transient)
                {
                    {|SEI3001:_logger.LogWarning("The thing failed, retry later")|};
                    {|SEI3001:Log.ThingFailedQuietly(_logger)|};
                }
            }
        """);

    [Fact]
    public Task Logging_the_exception_or_its_tracking_id_or_handing_it_on_is_not_reported() => Verify("""
            public async Task Run()
            {
                try { await _client.GetThingAsync(); } catch (SeiApiException ex) { _logger.LogError(ex, "Thing failed"); }
                try { await _client.GetThingAsync(); } catch (SeiApiException ex) { _logger.LogError("Thing failed {TrackingId}", ex.TrackingId); }
                try { await _client.GetThingAsync(); } catch (SeiQuotaExceededException ex) { Log.ThingFailed(_logger, ex); }
                try { await _client.GetThingAsync(); } catch (SeiApiException ex) { Record(ex); }
                try { await _client.GetThingAsync(); } catch (Exception ex) { _logger.LogError(ex, "Anything failed"); }
            }
        """);

    /// <summary>A refused token request is an SEI error with a tracking ID (the token endpoint's), wherever it is caught.</summary>
    [Fact]
    public Task A_catch_of_a_refused_token_request_is_held_to_the_same_rule() => Verify("""
            public async Task Run(Sei.Client.Authentication.SeiAuthorizationCodeFlow flow)
            {
                try { await _client.GetThingAsync(); }
                {|SEI3001:catch|} (SeiAuthenticationException ex) { Console.WriteLine("sign-in failed: " + ex.Error); }
                try { await flow.RefreshAsync("r"); }
                {|SEI3001:catch|} (SeiAuthenticationException) { }
                try { await flow.RefreshAsync("r"); }
                catch (SeiAuthenticationException ex) { _logger.LogError(ex, "Sign-in failed"); }
            }
        """);

    [Fact]
    public Task Rethrowing_is_not_reported() => Verify("""
            public async Task Run()
            {
                try { await _client.GetThingAsync(); } catch (SeiApiException) { throw; }
                try { await _client.GetThingAsync(); } catch (SeiApiException ex) when (ex.Transient) { throw new InvalidOperationException("Wrapped", ex); }
            }
        """);

    [Fact]
    public Task Code_that_is_not_about_SEI_clients_is_not_reported() => Verify("""
            public void Run()
            {
                try { Console.WriteLine("no client here"); } catch (Exception) { }
                try { Console.WriteLine("no client here"); } catch (InvalidOperationException) { }
            }
        """);

    [Fact]
    public Task The_message_names_the_caught_exception_or_its_type() => AnalyzerVerifier<TrackingIdDroppedAnalyzer>.VerifyAsync(
        Preamble + """
            public async Task Run()
            {
                try { await _client.GetThingAsync(); } {|#0:catch|} (SeiApiException failure) { Console.WriteLine(failure.Code); }
                try { await _client.GetThingAsync(); } {|#1:catch|} (SeiApiException) { }
            }
        """ + "\n}\n",
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SEI3001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0).WithArguments("failure"),
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SEI3001", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1).WithArguments("SeiApiException"));
}
