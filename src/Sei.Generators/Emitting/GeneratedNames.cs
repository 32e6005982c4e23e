namespace Sei.Generators.Emitting;

/// <summary>
/// Every name the generated code declares on its own account, rather than takes from the document:
/// the members of the client and of each kind of generated type, the parameters the analyzers look
/// for, and the namespace of the contracts. Emitting writes these names; Building reads this table,
/// and only this table, from Emitting, so that a name the document gives (an operation, a property,
/// a header) never collides with one of them; the analyzers read it to recognise generated code.
/// A test reflects over the runtime's base types so that the lists of their members cannot drift.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The namespace, under the client's, that holds the JSON contracts; a generated type of that name would hide it.</summary>
    public const string SerializationNamespace = "Serialization";

    /// <summary>The client's constant with the first server URL the document lists.</summary>
    public const string DefaultServerUrl = "DefaultServerUrl";

    /// <summary>The client's constant with the longest URL its servers expand to; the URL-length analyzer reads it.</summary>
    public const string LongestServerUrl = "LongestServerUrl";

    /// <summary>The client's nested class with a member per server variable the application sets.</summary>
    public const string ServerVariablesClass = "ServerVariables";

    /// <summary>The factory member of each class under <see cref="ServerVariablesClass"/>, for a value the document does not list.</summary>
    public const string ServerVariableFactory = "Of";

    /// <summary>The client's static description of the API (servers, environments, security) for the runtime.</summary>
    public const string Api = "Api";

    /// <summary>The client's table of link relations to operations, for following links.</summary>
    public const string LinkRoutes = "LinkRoutes";

    /// <summary>The client's static factory for use without dependency injection.</summary>
    public const string ClientFactoryMethod = "Create";

    /// <summary>The last parameter of every operation method and link helper; no parameter the document names may take it.</summary>
    public const string CancellationTokenParameter = "cancellationToken";

    /// <summary>The client constructor's logger parameter; the SEI3005 analyzer looks for it.</summary>
    public const string LoggerParameter = "logger";

    /// <summary>The client factory's logger-factory parameter; the SEI3005 analyzer looks for it.</summary>
    public const string LoggerFactoryParameter = "loggerFactory";

    /// <summary>The property that keeps the members of a JSON object the schema does not declare.</summary>
    public const string AdditionalProperties = "AdditionalProperties";

    /// <summary>A union's value, and an integer enumeration's.</summary>
    public const string Value = "Value";

    /// <summary>A union's JSON, kept when it matches no alternative.</summary>
    public const string UnknownJson = "UnknownJson";

    /// <summary>A union's factory from JSON.</summary>
    public const string FromJson = "FromJson";

    /// <summary>An enumeration's value as sent on the wire.</summary>
    public const string WireValue = "WireValue";

    /// <summary>Whether an enumeration's value is one the document lists.</summary>
    public const string IsKnown = "IsKnown";

    /// <summary>The values an enumeration's document lists.</summary>
    public const string KnownValues = "KnownValues";

    /// <summary>The static class that holds a client's registration, in the client's own namespace.</summary>
    /// <param name="clientName">The client's name.</param>
    /// <returns>The class name (<c>AccountsClientServiceCollectionExtensions</c>).</returns>
    public static string RegistrationClassOf(string clientName) => clientName + "ServiceCollectionExtensions";

    /// <summary>The interface a client implements, beside it in its namespace.</summary>
    /// <param name="clientName">The client's name.</param>
    /// <returns>The interface name (<c>IAccountsClient</c>).</returns>
    public static string InterfaceOf(string clientName) => "I" + clientName;

    /// <summary>
    /// The protected members of <c>Sei.Client.SeiClientBase</c> that an operation method calls: it
    /// sends the request and reads the answer through them. Named here, with the rest of the base's
    /// members in <see cref="ClientMembers"/>, so that the test that reflects over the runtime covers
    /// what the emitters write.
    /// </summary>
    public static class ClientBase
    {
        public const string SendAsync = "SendAsync";
        public const string SendAndReadJsonAsync = "SendAndReadJsonAsync";
        public const string SendAndReadTextAsync = "SendAndReadTextAsync";
        public const string SendAndReadStreamAsync = "SendAndReadStreamAsync";
        public const string SendAndDescribeAsync = "SendAndDescribeAsync";
        public const string ReadJsonAsync = "ReadJsonAsync";
        public const string ReadTextAsync = "ReadTextAsync";
        public const string ReadStreamAsync = "ReadStreamAsync";
        public const string CreateResponse = "CreateResponse";
    }

    /// <summary>Members of <see cref="object"/>: a generated member of one of these names would hide it (CS0108/CS0114).</summary>
    public static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    /// <summary>
    /// The public and protected members of <c>Sei.Client.SeiClientBase</c> and those every generated
    /// client declares itself: an operation method of one of these names would hide or clash with it.
    /// </summary>
    public static readonly string[] ClientMembers =
    {
        "MutualTlsPort", "ServerUrl", "HttpClient", "Options", "Logger", "GetTrackingId",
        ClientBase.SendAsync, ClientBase.CreateResponse, ClientBase.ReadJsonAsync, ClientBase.ReadTextAsync, ClientBase.ReadStreamAsync,
        ClientBase.SendAndReadJsonAsync, ClientBase.SendAndReadTextAsync, ClientBase.SendAndReadStreamAsync, ClientBase.SendAndDescribeAsync,
        "FollowAsync", "FollowLinkAsync", "FollowHrefAsync", "FindLink", "ResolveLink", "ApiDescription",
        DefaultServerUrl, LongestServerUrl, ServerVariablesClass, Api, ClientFactoryMethod, LinkRoutes,
    };

    /// <summary>
    /// The public members of <c>Sei.Client.SeiResponse</c> and <c>SeiResponse&lt;T&gt;</c>: a header
    /// property of an operation's response class must not hide one of them.
    /// </summary>
    public static readonly string[] ResponseMembers =
    {
        "StatusCode", "TrackingId", "Headers", "ContentHeaders", "RequestUri", "IsNotModified", "TryGetHeaderValues", "HasValue", "Value",
    };

    /// <summary>The members every generated union declares besides its alternatives.</summary>
    public static readonly string[] UnionMembers = { Value, UnknownJson, FromJson };

    /// <summary>
    /// The members every generated enumeration declares besides its values (<see cref="Value"/> only on
    /// integer ones, reserved on all alike), and PrintMembers, which the compiler declares on every record struct.
    /// </summary>
    public static readonly string[] EnumMembers = { WireValue, IsKnown, KnownValues, Value, "PrintMembers" };

    /// <summary>
    /// Names no generated type may have, because some kind of generated type declares a member of
    /// that name and a member may not share its type's name (CS0542). <see cref="Value"/> is left out:
    /// it is a common schema name, and only integer enumerations and unions need to avoid it.
    /// </summary>
    public static readonly string[] TypeMemberNames = { AdditionalProperties, WireValue, IsKnown, KnownValues, UnknownJson, FromJson, "Equals", "GetHashCode", "ToString", "PrintMembers" };
}
