namespace Sei.Generators.Emitting;

/// <summary>
/// Every type from outside the generated code that the generated code names, fully qualified with
/// <c>global::</c> so that no type a document declares (an <c>Uri</c>, a <c>Task</c>, a <c>SeiPage</c>) can
/// capture the name. The emitters spell these types through these constants only; attributes are
/// named as they are written, without their <c>Attribute</c> suffix.
/// </summary>
internal static class KnownTypes
{
    // System
    public const string Action = "global::System.Action";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string Array = "global::System.Array";
    public const string DateOnly = "global::System.DateOnly";
    public const string DateTime = "global::System.DateTime";
    public const string DateTimeOffset = "global::System.DateTimeOffset";
    public const string Guid = "global::System.Guid";
    public const string IServiceProvider = "global::System.IServiceProvider";
    public const string Obsolete = "global::System.Obsolete";
    public const string StringComparer = "global::System.StringComparer";
    public const string StringComparison = "global::System.StringComparison";
    public const string Uri = "global::System.Uri";
    public const string UriKind = "global::System.UriKind";

    // System.CodeDom.Compiler
    public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";

    // System.Collections.Generic
    public const string Dictionary = "global::System.Collections.Generic.Dictionary";
    public const string IAsyncEnumerable = "global::System.Collections.Generic.IAsyncEnumerable";
    public const string IDictionary = "global::System.Collections.Generic.IDictionary";
    public const string IList = "global::System.Collections.Generic.IList";
    public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string KeyValuePair = "global::System.Collections.Generic.KeyValuePair";
    public const string List = "global::System.Collections.Generic.List";

    // System.ComponentModel
    public const string EditorBrowsable = "global::System.ComponentModel.EditorBrowsable";
    public const string EditorBrowsableState = "global::System.ComponentModel.EditorBrowsableState";

    // System.Globalization
    public const string CultureInfo = "global::System.Globalization.CultureInfo";

    // System.IO
    public const string Stream = "global::System.IO.Stream";

    // System.Linq
    public const string Enumerable = "global::System.Linq.Enumerable";

    // System.Net.Http
    public const string HttpClient = "global::System.Net.Http.HttpClient";
    public const string HttpMethod = "global::System.Net.Http.HttpMethod";

    // System.Text.Json
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";

    // System.Text.Json.Serialization
    public const string JsonConverter = "global::System.Text.Json.Serialization.JsonConverter";

    // System.Threading
    public const string CancellationToken = "global::System.Threading.CancellationToken";

    // System.Threading.Tasks
    public const string Task = "global::System.Threading.Tasks.Task";

    // Microsoft.Extensions.Configuration
    public const string IConfiguration = "global::Microsoft.Extensions.Configuration.IConfiguration";

    // Microsoft.Extensions.DependencyInjection
    public const string IHttpClientBuilder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
    public const string IServiceCollection = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";

    // Microsoft.Extensions.Logging
    public const string ILogger = "global::Microsoft.Extensions.Logging.ILogger";
    public const string ILoggerFactory = "global::Microsoft.Extensions.Logging.ILoggerFactory";
    public const string Logger = "global::Microsoft.Extensions.Logging.Logger";

    // Sei.Client
    public const string ISeiClient = "global::Sei.Client.ISeiClient";
    public const string ISeiEnum = "global::Sei.Client.ISeiEnum";
    public const string ISeiIntegerEnum = "global::Sei.Client.ISeiIntegerEnum";
    public const string ISeiLink = "global::Sei.Client.ISeiLink";
    public const string SeiApiDescription = "global::Sei.Client.SeiApiDescription";
    public const string SeiApiException = "global::Sei.Client.SeiApiException";
    public const string SeiApiKeyLocation = "global::Sei.Client.SeiApiKeyLocation";
    public const string SeiClientBase = "global::Sei.Client.SeiClientBase";
    public const string SeiClientOptions = "global::Sei.Client.SeiClientOptions";
    public const string SeiCursor = "global::Sei.Client.SeiCursor";
    public const string SeiEnvironment = "global::Sei.Client.SeiEnvironment";
    public const string SeiFile = "global::Sei.Client.SeiFile";
    public const string SeiLinkException = "global::Sei.Client.SeiLinkException";
    public const string SeiOAuthFlow = "global::Sei.Client.SeiOAuthFlow";
    public const string SeiOAuthFlowKind = "global::Sei.Client.SeiOAuthFlowKind";
    public const string SeiPage = "global::Sei.Client.SeiPage";
    public const string SeiPageCursors = "global::Sei.Client.SeiPageCursors";
    public const string SeiPaging = "global::Sei.Client.SeiPaging";
    public const string SeiPagingException = "global::Sei.Client.SeiPagingException";
    public const string SeiResponse = "global::Sei.Client.SeiResponse";
    public const string SeiRoute = "global::Sei.Client.SeiRoute";
    public const string SeiSecurity = "global::Sei.Client.SeiSecurity";
    public const string SeiSecurityRequirement = "global::Sei.Client.SeiSecurityRequirement";
    public const string SeiSecurityScheme = "global::Sei.Client.SeiSecurityScheme";
    public const string SeiSecuritySchemeKind = "global::Sei.Client.SeiSecuritySchemeKind";
    public const string SeiServer = "global::Sei.Client.SeiServer";
    public const string SeiServerVariable = "global::Sei.Client.SeiServerVariable";
    public const string SeiServerVariableValue = "global::Sei.Client.SeiServerVariableValue";

    // Sei.Client.DependencyInjection
    public const string SeiClientRegistration = "global::Sei.Client.DependencyInjection.SeiClientRegistration";

    // Sei.Client.Http
    public const string SeiContent = "global::Sei.Client.Http.SeiContent";
    public const string SeiForm = "global::Sei.Client.Http.SeiForm";
    public const string SeiFormat = "global::Sei.Client.Http.SeiFormat";
    public const string SeiHeaderReader = "global::Sei.Client.Http.SeiHeaderReader";
    public const string SeiHttpClientFactory = "global::Sei.Client.Http.SeiHttpClientFactory";
    public const string SeiHttpMethods = "global::Sei.Client.Http.SeiHttpMethods";
    public const string SeiMultipart = "global::Sei.Client.Http.SeiMultipart";
    public const string SeiParameterStyle = "global::Sei.Client.Http.SeiParameterStyle";
    public const string SeiParameterValue = "global::Sei.Client.Http.SeiParameterValue";
    public const string SeiRequestBuilder = "global::Sei.Client.Http.SeiRequestBuilder";

    // Sei.Client.Json; the contracts of scalars and collections are named by kind (EmitContext.Contract).
    public const string SeiJsonNamespace = "global::Sei.Client.Json";
    public const string ISeiJsonContract = "global::Sei.Client.Json.ISeiJsonContract";
    public const string SeiJsonConverter = "global::Sei.Client.Json.SeiJsonConverter";
    public const string SeiJsonDiscriminator = "global::Sei.Client.Json.SeiJsonDiscriminator";
    public const string SeiJsonElement = "global::Sei.Client.Json.SeiJsonElement";
    public const string SeiJsonEnum = "global::Sei.Client.Json.SeiJsonEnum";
    public const string SeiJsonMemberSet = "global::Sei.Client.Json.SeiJsonMemberSet";
    public const string SeiJsonNames = "global::Sei.Client.Json.SeiJsonNames";
    public const string SeiJsonObject = "global::Sei.Client.Json.SeiJsonObject";
    public const string SeiJsonWrite = "global::Sei.Client.Json.SeiJsonWrite";

    // Sei.Client.Metadata
    public const string SeiClient = "global::Sei.Client.Metadata.SeiClient";
    public const string SeiOperation = "global::Sei.Client.Metadata.SeiOperation";
    public const string SeiParameter = "global::Sei.Client.Metadata.SeiParameter";
    public const string SeiParameterLocation = "global::Sei.Client.Metadata.SeiParameterLocation";
}
