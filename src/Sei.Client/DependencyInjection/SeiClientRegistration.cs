using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sei.Client.Authentication;
using Sei.Client.Http;
using Sei.Client.Resilience;

namespace Sei.Client.DependencyInjection;

/// <summary>
/// Registers generated SEI clients as typed clients on <c>IHttpClientFactory</c>, each with its
/// own named <see cref="SeiClientOptions"/> and SEI's retry rules. Generated code calls this from
/// its <c>AddXxxClientV1</c> (client name and version) methods; it works for any generated client type too.
/// </summary>
public static class SeiClientRegistration
{
    /// <summary>Registers a generated client.</summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="api">What the API document says of its servers and token URL (the generated client's <c>Api</c>).</param>
    /// <param name="create">Creates the client from its HTTP client, its options and the service provider.</param>
    /// <param name="configure">Sets the client's options; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The HTTP client builder, to add handlers (authentication, certificates) or change the primary handler.</returns>
    public static IHttpClientBuilder AddSeiClient<TClient>(
        this IServiceCollection services,
        SeiApiDescription api,
        Func<HttpClient, SeiClientOptions, IServiceProvider, TClient> create,
        Action<SeiClientOptions>? configure)
        where TClient : class
    {
        if (api is null)
        {
            throw new ArgumentNullException(nameof(api));
        }

        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (create is null)
        {
            throw new ArgumentNullException(nameof(create));
        }

        // The full name keeps two versions of one product (…V1.AccountsClient, …V2.AccountsClient) apart.
        var name = typeof(TClient).FullName ?? typeof(TClient).Name;
        var options = services.AddOptions<SeiClientOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        SeiClientOptions OptionsOf(IServiceProvider provider) => provider.GetRequiredService<IOptionsMonitor<SeiClientOptions>>().Get(name);

        var builder = services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(provider => SeiPrimaryHandler.Create(OptionsOf(provider)))
            .ConfigureHttpClient((provider, httpClient) => httpClient.Timeout = OptionsOf(provider).Timeout);
        builder.AddTypedClient<TClient>((httpClient, provider) => create(httpClient, OptionsOf(provider), provider));
        services.TryAddSingleton<SeiTokenProviders>();
        AddRedactingLoggers(builder, provider => LoggableHeaders(OptionsOf(provider)));

        // Outermost first: each retry goes through authentication again, so it carries a valid token.
        return builder
            .AddHttpMessageHandler(provider =>
            {
                var settings = OptionsOf(provider);
                return new SeiRetryHandler(settings.Retry, provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(SeiRetryHandler).FullName!), settings.Timeout);
            })
            .AddHttpMessageHandler(provider =>
            {
                var options = OptionsOf(provider);
                if (options.ClientCredentials is not { } credentials)
                {
                    return options.AccessTokenSource is { } source
                        ? new SeiAccessTokenHandler(source, api, options)
                        : new PassThroughHandler();
                }

                var tokens = provider.GetRequiredService<SeiTokenProviders>().Get(name, credentials, provider.GetService<ILoggerFactory>());
                return new SeiClientCredentialsHandler(tokens, api, options);
            });
    }

    /// <summary>
    /// Replaces <c>IHttpClientFactory</c>'s loggers of an HTTP client with SEI's, which log in the same
    /// categories but never a credential: URLs without user information and query values, header
    /// values only for <paramref name="loggedHeaders"/>, never <c>Authorization</c>, <c>Proxy-Authorization</c>
    /// or cookies. <c>AddXxxClientV1</c> does this for the clients it registers; call it on the HTTP client
    /// you hand to <see cref="SeiAuthorizationCodeFlow"/>, whose token requests carry the app secret,
    /// the user's password, codes and refresh tokens.
    /// </summary>
    /// <param name="builder">The HTTP client's builder, from <c>services.AddHttpClient(name)</c>.</param>
    /// <param name="loggedHeaders">Headers whose values may be logged; <see langword="null"/> for those of <see cref="SeiClientOptions.LoggedHeaders"/> and the tracking-ID header.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHttpClientBuilder AddSeiRedactingLogger(this IHttpClientBuilder builder, IEnumerable<string>? loggedHeaders = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        var loggable = loggedHeaders is null ? LoggableHeaders(new SeiClientOptions()) : new HashSet<string>(loggedHeaders, StringComparer.OrdinalIgnoreCase);
        return AddRedactingLoggers(builder, _ => loggable);
    }

    /// <summary>Registers a generated client with options read from configuration (for example <c>configuration.GetSection("Sei:Accounts")</c>).</summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="api">What the API document says of its servers and token URL (the generated client's <c>Api</c>).</param>
    /// <param name="create">Creates the client from its HTTP client, its options and the service provider.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSeiClient<TClient>(
        this IServiceCollection services,
        SeiApiDescription api,
        Func<HttpClient, SeiClientOptions, IServiceProvider, TClient> create,
        IConfiguration configuration)
        where TClient : class
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return services.AddSeiClient(api, create, options => Bind(options, configuration));
    }

    /// <summary>
    /// Registers a generated client and its interface: the interface resolves to the typed client, so
    /// application code depends on the interface and a test replaces that one registration.
    /// </summary>
    /// <typeparam name="TInterface">The generated client's interface, such as <c>IAccountsClient</c>.</typeparam>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="api">What the API document says of its servers and token URL (the generated client's <c>Api</c>).</param>
    /// <param name="create">Creates the client from its HTTP client, its options and the service provider.</param>
    /// <param name="configure">Sets the client's options; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The HTTP client builder, to add handlers (authentication, certificates) or change the primary handler.</returns>
    public static IHttpClientBuilder AddSeiClient<TInterface, TClient>(
        this IServiceCollection services,
        SeiApiDescription api,
        Func<HttpClient, SeiClientOptions, IServiceProvider, TClient> create,
        Action<SeiClientOptions>? configure)
        where TInterface : class
        where TClient : class, TInterface
    {
        var builder = services.AddSeiClient(api, create, configure);
        AddInterface<TInterface, TClient>(services);
        return builder;
    }

    /// <summary>Registers a generated client and its interface, with options read from configuration.</summary>
    /// <typeparam name="TInterface">The generated client's interface, such as <c>IAccountsClient</c>.</typeparam>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="api">What the API document says of its servers and token URL (the generated client's <c>Api</c>).</param>
    /// <param name="create">Creates the client from its HTTP client, its options and the service provider.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddSeiClient<TInterface, TClient>(
        this IServiceCollection services,
        SeiApiDescription api,
        Func<HttpClient, SeiClientOptions, IServiceProvider, TClient> create,
        IConfiguration configuration)
        where TInterface : class
        where TClient : class, TInterface
    {
        var builder = services.AddSeiClient(api, create, configuration);
        AddInterface<TInterface, TClient>(services);
        return builder;
    }

    /// <summary>
    /// The interface resolves to the typed client, transient as typed clients are, so each resolution
    /// gets a client over a fresh handler chain from IHttpClientFactory. TryAdd leaves a registration the
    /// application made first (a fake, a decorator) in place.
    /// </summary>
    private static void AddInterface<TInterface, TClient>(IServiceCollection services)
        where TInterface : class
        where TClient : class, TInterface
        => services.TryAddTransient<TInterface>(static provider => provider.GetRequiredService<TClient>());

    /// <summary>
    /// Reads options from configuration without reflection, so trimmed and native AOT applications can
    /// use it: <c>BaseAddress</c>, <c>Environment</c>, <c>UseMutualTlsPort</c>, <c>ServerVariables:name</c>, <c>TrackingIdHeaderName</c>,
    /// <c>MaxUrlLength</c>, <c>MaxRedirects</c>, <c>Timeout</c> (such as <c>00:00:30</c>), <c>LoggedHeaders</c> (a list, added to the defaults), <c>Retry:Enabled</c>, <c>Retry:MaxRetryAttempts</c>, <c>Retry:BaseDelay</c>, <c>Retry:MaxDelay</c>,
    /// and <c>ClientCredentials:AppKey</c>, <c>ClientCredentials:AppSecret</c>, <c>ClientCredentials:Scope</c>, <c>ClientCredentials:TokenUrl</c>
    /// (keep the secret in a secret store or environment variables, not in appsettings.json).
    /// </summary>
    /// <param name="options">The options to fill.</param>
    /// <param name="configuration">The configuration section.</param>
    public static void Bind(SeiClientOptions options, IConfiguration configuration)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        if (configuration["BaseAddress"] is { Length: > 0 } baseAddress)
        {
            options.BaseAddress = new Uri(baseAddress, UriKind.Absolute);
        }

        if (configuration["Environment"] is { Length: > 0 } environment)
        {
            options.Environment = (SeiEnvironment)Enum.Parse(typeof(SeiEnvironment), environment, ignoreCase: true);
        }

        options.UseMutualTlsPort = ReadBoolean(configuration, "UseMutualTlsPort") ?? options.UseMutualTlsPort;
        foreach (var variable in configuration.GetSection("ServerVariables").GetChildren())
        {
            // Checked against the document's variables and values when the server URL is resolved.
            if (variable.Value is { } value)
            {
                options.ServerVariables[variable.Key] = value;
            }
        }

        options.TrackingIdHeaderName = configuration["TrackingIdHeaderName"] is { Length: > 0 } header ? header : options.TrackingIdHeaderName;
        options.MaxUrlLength = ReadInt32(configuration, "MaxUrlLength") ?? options.MaxUrlLength;
        options.MaxRedirects = ReadInt32(configuration, "MaxRedirects") ?? options.MaxRedirects;
        options.Timeout = ReadTimeSpan(configuration, "Timeout") ?? options.Timeout;
        foreach (var logged in configuration.GetSection("LoggedHeaders").GetChildren())
        {
            if (logged.Value is { Length: > 0 } headerName)
            {
                options.LoggedHeaders.Add(headerName);
            }
        }

        options.Retry.Enabled = ReadBoolean(configuration, "Retry:Enabled") ?? options.Retry.Enabled;
        options.Retry.MaxRetryAttempts = ReadInt32(configuration, "Retry:MaxRetryAttempts") ?? options.Retry.MaxRetryAttempts;
        options.Retry.BaseDelay = ReadTimeSpan(configuration, "Retry:BaseDelay") ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = ReadTimeSpan(configuration, "Retry:MaxDelay") ?? options.Retry.MaxDelay;
        if (configuration["ClientCredentials:AppKey"] is { Length: > 0 } appKey && configuration["ClientCredentials:AppSecret"] is { Length: > 0 } appSecret)
        {
            options.ClientCredentials = new SeiClientCredentials(appKey, appSecret)
            {
                Scope = configuration["ClientCredentials:Scope"],
                TokenUrl = configuration["ClientCredentials:TokenUrl"] is { Length: > 0 } tokenUrl ? new Uri(tokenUrl, UriKind.Absolute) : null,
            };
        }
    }

    /// <summary>
    /// The factory's own loggers go, whatever the application configured for its clients in general,
    /// because they write header values into structured properties and whole URLs; SEI's take their place,
    /// one around the whole pipeline and one around each exchange on the wire (token requests included).
    /// </summary>
    private static IHttpClientBuilder AddRedactingLoggers(IHttpClientBuilder builder, Func<IServiceProvider, ICollection<string>> loggableHeaders)
    {
        var name = builder.Name;
        return builder.RemoveAllLoggers()
            .AddLogger(provider => new SeiHttpClientLogger(LoggerFactoryOf(provider), name, wholePipeline: true, loggableHeaders(provider)), wrapHandlersPipeline: true)
            .AddLogger(provider => new SeiHttpClientLogger(LoggerFactoryOf(provider), name, wholePipeline: false, loggableHeaders(provider)), wrapHandlersPipeline: false);
    }

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider provider) => provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;

    private static HashSet<string> LoggableHeaders(SeiClientOptions options)
        => new(options.LoggedHeaders, StringComparer.OrdinalIgnoreCase) { options.TrackingIdHeaderName };

    /// <summary>A handler that adds nothing, standing where authentication would be when no credentials are set.</summary>
    private sealed class PassThroughHandler : DelegatingHandler
    {
    }

    /// <summary>One token provider per registered client, kept for the application's life so handler rotation keeps the token.</summary>
    private sealed class SeiTokenProviders : IDisposable
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SeiTokenProvider> _providers = new(StringComparer.Ordinal);

        public SeiTokenProvider Get(string name, SeiClientCredentials credentials, ILoggerFactory? loggerFactory)
            => _providers.GetOrAdd(name, _ => new SeiTokenProvider(credentials, loggerFactory?.CreateLogger(typeof(SeiTokenProvider).FullName!)));

        public void Dispose()
        {
            foreach (var provider in _providers.Values)
            {
                provider.Dispose();
            }
        }
    }

    private static bool? ReadBoolean(IConfiguration configuration, string key)
        => configuration[key] is { Length: > 0 } text ? bool.Parse(text) : null;

    private static int? ReadInt32(IConfiguration configuration, string key)
        => configuration[key] is { Length: > 0 } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    private static TimeSpan? ReadTimeSpan(IConfiguration configuration, string key)
        => configuration[key] is { Length: > 0 } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : null;
}
