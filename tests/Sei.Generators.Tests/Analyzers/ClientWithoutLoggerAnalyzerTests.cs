using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Sei.Generators.Analyzers;
using Xunit;

namespace Sei.Generators.Tests.Analyzers;

/// <summary>SEI3005: a generated client made without a logger; a client given one, in any form, is not reported.</summary>
public sealed class ClientWithoutLoggerAnalyzerTests
{
    private const string ClientSource = """
        using System.Net.Http;
        using Microsoft.Extensions.Logging;
        using Sei.Client;

        public sealed class ThingsClient : SeiClientBase
        {
            public ThingsClient(HttpClient httpClient, SeiClientOptions? options = null, ILogger<ThingsClient>? logger = null)
                : base(httpClient, options, logger, "https://api.example.com")
            {
            }

            public static ThingsClient Create(SeiClientOptions options, ILoggerFactory? loggerFactory = null)
                => new ThingsClient(new HttpClient(), options, loggerFactory is null ? null : new Logger<ThingsClient>(loggerFactory));
        }

        public sealed class Setup
        {
            public void Run(HttpClient http, SeiClientOptions options, ILogger<ThingsClient> logger, ILoggerFactory factory)
            {

        """;

    [Fact]
    public Task A_client_created_without_a_logger_is_reported() => AnalyzerVerifier<ClientWithoutLoggerAnalyzer>.VerifyAsync(ClientSource + """
                _ = {|SEI3005:new ThingsClient(http)|};
                _ = {|SEI3005:new ThingsClient(http, options, null)|};
                _ = {|SEI3005:ThingsClient.Create(options)|};
                _ = new ThingsClient(http, options, logger);
                _ = ThingsClient.Create(options, factory);
            }
        }
        """);

    [Fact]
    public Task The_message_names_the_client() => AnalyzerVerifier<ClientWithoutLoggerAnalyzer>.VerifyAsync(
        ClientSource + """
                _ = {|#0:ThingsClient.Create(options, null)|};
            }
        }
        """,
        new DiagnosticResult("SEI3005", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(
            "'ThingsClient' is created without a logger, so it logs no calls and no RequestTrackingId for SEI support to trace. Pass an ILogger (an ILoggerFactory to Create), or register the client with its AddXxx method so dependency injection gives it one."));

    [Fact]
    public Task A_logger_in_a_variable_or_from_a_factory_is_not_reported() => AnalyzerVerifier<ClientWithoutLoggerAnalyzer>.VerifyAsync(ClientSource + """
                ILogger<ThingsClient>? maybe = logger;
                _ = new ThingsClient(http, options, maybe);
                _ = new ThingsClient(http, logger: logger);
                _ = ThingsClient.Create(options, loggerFactory: factory);
            }
        }
        """);
}
