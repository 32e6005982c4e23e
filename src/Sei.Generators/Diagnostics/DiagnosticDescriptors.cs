using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Sei.Generators.Diagnostics;

/// <summary>
/// The one catalog of the generator's diagnostics. Every descriptor comes from <see cref="Create"/>,
/// which sets the category and the help link. Each rule has its own descriptor and a whole sentence
/// whose arguments are names and values only; the rules about what C# cannot say as the document
/// does are in <c>DiagnosticDescriptors.Mapping.cs</c>, and those about how parameters are laid out
/// on the wire in <c>DiagnosticDescriptors.Serialization.cs</c>.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>Where each ID's documentation page lives; the page name is the ID.</summary>
    public const string HelpLinkBase = "https://github.com/sei-generators/Sei.Generators/blob/main/docs/diagnostics/";

    // Categories name what a rule is about, not the pipeline stage that reports it, so that a
    // user can silence or promote a whole subject at once in .editorconfig or .globalconfig.
    private const string DocumentCategory = "Sei.Document";
    private const string MappingCategory = "Sei.Mapping";
    private const string ConfigurationCategory = "Sei.Configuration";
    private const string CompatibilityCategory = "Sei.Compatibility";
    private const string UrlLengthCategory = "Sei.UrlLength";
    private const string LoggingCategory = "Sei.Logging";
    private const string SecurityCategory = "Sei.Security";
    private const string InternalCategory = "Sei.Internal";

    /// <summary>SEI1001: "The document could not be read: {0}".</summary>
    public static readonly DiagnosticDescriptor InvalidSyntax = Create(
        DiagnosticIds.InvalidSyntax,
        "The document is not valid YAML or JSON",
        "The document could not be read: {0}. Fix the syntax at this position; no client was generated from this document.",
        DocumentCategory,
        DiagnosticSeverity.Error);

    /// <summary>SEI1002: "The reference '{0}' does not resolve to anything in the document".</summary>
    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        DiagnosticIds.UnresolvedReference,
        "A $ref does not resolve",
        "The reference '{0}' does not resolve to anything in the document; a schema it stood for was generated as JsonElement, and a parameter, body or response it stood for was left out. Correct the $ref or add the component it names.",
        DocumentCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI1003: "The document declares OpenAPI version '{0}', which is not supported".</summary>
    public static readonly DiagnosticDescriptor UnsupportedVersion = Create(
        DiagnosticIds.UnsupportedVersion,
        "The OpenAPI version is not supported",
        "The document declares OpenAPI version '{0}', which Sei.Generators does not support; no client was generated. Use a Swagger 2.0, OpenAPI 3.0.x or OpenAPI 3.1.x document.",
        DocumentCategory,
        DiagnosticSeverity.Error);

    /// <summary>SEI1004: "The document breaks the OpenAPI specification here, so the generated client lacks what this node says. {0} ...".</summary>
    public static readonly DiagnosticDescriptor SpecificationViolation = Create(
        DiagnosticIds.SpecificationViolation,
        "The document breaks the OpenAPI specification, and the client lacks what it says",
        "The document breaks the OpenAPI specification here, so the generated client lacks what this node says. {0} Correct the node as the specification asks.",
        DocumentCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI1005: "The external reference '{0}' is not followed".</summary>
    public static readonly DiagnosticDescriptor ExternalReference = Create(
        DiagnosticIds.ExternalReference,
        "An external $ref is not followed",
        "The external reference '{0}' is not followed: the generator reads only the document itself and never the network or other files. Bundle the referenced content into this document; until then a schema it stood for is generated as JsonElement, and a parameter, body or response it stood for is left out.",
        DocumentCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI1006: "Generated SEI clients need C# 11 or later; this project uses C# {0}".</summary>
    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        DiagnosticIds.LanguageVersionTooLow,
        "The C# language version is too low for generated clients",
        "Generated SEI clients need C# 11 or later, and this project compiles with C# {0}; no client was generated. Set <LangVersion>latest</LangVersion> (or 11 or later) in the project file.",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>SEI1007: "The document breaks the OpenAPI specification here, though the generated client does not depend on it. {0} ...".</summary>
    public static readonly DiagnosticDescriptor SpecificationNotFollowed = Create(
        DiagnosticIds.SpecificationNotFollowed,
        "The document breaks a rule of the OpenAPI specification that the client does not depend on",
        "The document breaks the OpenAPI specification here, though the generated client does not depend on it. {0} Correct it so that other OpenAPI tools read the document as intended.",
        DocumentCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI1008: "{0} more {1} diagnostics like the ones listed ({2}) were found in '{3}'".</summary>
    public static readonly DiagnosticDescriptor DiagnosticsSummarized = Create(
        DiagnosticIds.DiagnosticsSummarized,
        "Repeated diagnostics of one kind are summarised",
        "{0} more {1} diagnostics of one kind ({2}) were found in '{3}' and are not listed one by one, so that one document cannot flood the error list; the first {4} are listed, and this is where the next one is. Correct those and build again, or set <SeiDiagnosticsPerKind>0</SeiDiagnosticsPerKind> in the project to list them all.",
        ConfigurationCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI2001: "The path '{0}' of operation '{1}' uses the parameter '{2}', which is not declared".</summary>
    public static readonly DiagnosticDescriptor UndeclaredPathParameter = Create(
        DiagnosticIds.UndeclaredPathParameter,
        "A path parameter is not declared",
        "The path '{0}' of operation '{1}' uses the parameter '{2}', which the operation does not declare; it was generated as a required string parameter. Declare it under 'parameters' with 'in: path'.",
        DocumentCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2002: "Operation '{0}' declares the path parameter '{1}', which its path '{2}' does not contain".</summary>
    public static readonly DiagnosticDescriptor UnusedPathParameter = Create(
        DiagnosticIds.UnusedPathParameter,
        "A declared path parameter is not in the path",
        "Operation '{0}' declares the path parameter '{1}', which its path '{2}' does not contain; the parameter was left out of the generated method. Add '{{{1}}}' to the path or remove the parameter.",
        DocumentCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2003: "The operationId '{0}' is used by more than one operation".</summary>
    public static readonly DiagnosticDescriptor DuplicateOperationId = Create(
        DiagnosticIds.DuplicateOperationId,
        "An operationId is used more than once",
        "The operationId '{0}' is used by more than one operation; this one ({1} {2}) was generated as '{3}'. Give each operation a unique operationId.",
        DocumentCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2005: "'{0}' would generate the namespace '{1}', which '{2}' already generates".</summary>
    public static readonly DiagnosticDescriptor DuplicateNamespace = Create(
        DiagnosticIds.DuplicateNamespace,
        "Two documents generate the same namespace",
        "'{0}' would generate the namespace '{1}', which '{2}' already generates, so no client was generated from '{0}'. Give one of the AdditionalFiles items a different SeiNamespace, or remove one of the documents.",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>SEI2006: "The URL of GET operation '{0}' reaches {1} characters with the longest values the document allows".</summary>
    public static readonly DiagnosticDescriptor GetUrlCanExceedLimit = Create(
        DiagnosticIds.GetUrlCanExceedLimit,
        "A GET URL can exceed 2048 characters",
        "The URL of GET operation '{0}' reaches {1} characters when its parameters hold the longest values the document allows ({2}), over the 2048 characters SEI accepts; such calls fail before they are sent. Lower maxLength or maxItems, or send these filters in the body of a POST search operation{3}.",
        UrlLengthCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2007: "The array query parameter '{1}' of GET operation '{0}' declares no {2}" ({2}: maxItems, or items.maxLength).</summary>
    public static readonly DiagnosticDescriptor GetUrlUnbounded = Create(
        DiagnosticIds.GetUrlUnbounded,
        "A GET URL has no length bound",
        "The array query parameter '{1}' of GET operation '{0}' declares no {2}, so the URL has no length bound and a call with many values fails once it passes 2048 characters. Declare maxItems and the items' maxLength, or offer a POST search operation{3}.",
        UrlLengthCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI2008: "Compared with {0}, {1} removes the {2}".</summary>
    public static readonly DiagnosticDescriptor VersionBreakingChange = Create(
        DiagnosticIds.VersionBreakingChange,
        "A new version of an API removes what the previous one had",
        "Compared with {0}, {1} removes the {2}. Code that moves to the new version must change with it.",
        CompatibilityCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI2012: "Compared with {0}, {1} changes the type of the {2} from {3} to {4}".</summary>
    public static readonly DiagnosticDescriptor VersionTypeChange = Create(
        DiagnosticIds.VersionTypeChange,
        "A new version of an API changes the type of a parameter or property",
        "Compared with {0}, {1} changes the type of the {2} from {3} to {4}. Code that moves to the new version must change with it.",
        CompatibilityCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI2013: "Compared with {0}, {1} makes the {2} required".</summary>
    public static readonly DiagnosticDescriptor VersionNowRequired = Create(
        DiagnosticIds.VersionNowRequired,
        "A new version of an API makes a parameter or property required",
        "Compared with {0}, {1} makes the {2} required. Code that moves to the new version must change with it.",
        CompatibilityCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI2014: "Compared with {0}, {1} adds the required {2} to {3}".</summary>
    public static readonly DiagnosticDescriptor VersionRequiredParameterAdded = Create(
        DiagnosticIds.VersionRequiredParameterAdded,
        "A new version of an API adds a required parameter to an operation",
        "Compared with {0}, {1} adds the required {2} to {3}. Code that moves to the new version must change with it.",
        CompatibilityCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI2010: "The {0} entry '{1}' of '{2}' is not a pattern: {3}".</summary>
    public static readonly DiagnosticDescriptor MalformedOperationPattern = Create(
        DiagnosticIds.MalformedOperationPattern,
        "A SeiInclude or SeiExclude entry is not a pattern",
        "The {0} entry '{1}' of '{2}' is not a pattern: {3}. It selects nothing. Write a path that starts with '/' (after an HTTP method, if any), 'tag:' and a tag, 'op:' and an operationId, or 'schema:' and a component schema's name.",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2011: "The {0} pattern '{1}' matches no {3} of '{2}'" ({3}: operation, or component schema).</summary>
    public static readonly DiagnosticDescriptor UnmatchedOperationPattern = Create(
        DiagnosticIds.UnmatchedOperationPattern,
        "A SeiInclude or SeiExclude pattern matches nothing",
        "The {0} pattern '{1}' matches no {3} of '{2}', so it selects nothing. Correct it against the document's paths, tags, operationIds and component schema names, or remove it.",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI3001: "The RequestTrackingId of '{0}' is not logged here".</summary>
    public static readonly DiagnosticDescriptor TrackingIdDropped = Create(
        DiagnosticIds.TrackingIdDropped,
        "A caught SEI error's tracking ID is not logged",
        "The RequestTrackingId of '{0}' is not logged here, and SEI support asks for it first. Pass the exception to the logger (logger.LogError(ex, ...)) or log ex.TrackingId, or rethrow.",
        LoggingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI3002: "This GET's URL is at least {0} characters long".</summary>
    public static readonly DiagnosticDescriptor GetUrlTooLong = Create(
        DiagnosticIds.GetUrlTooLong,
        "A GET URL exceeds 2048 characters",
        "This GET's URL is at least {0} characters long, over the 2048 characters SEI accepts, so the request fails. Send the values in the body of a POST (the operation's search counterpart, if it has one; the code fix moves the call there), or split them over several requests.",
        UrlLengthCategory,
        DiagnosticSeverity.Error);

    /// <summary>SEI3003: "The {0} is written in the code".</summary>
    public static readonly DiagnosticDescriptor CredentialInCode = Create(
        DiagnosticIds.CredentialInCode,
        "A credential is written in the code",
        "The {0} is written in the code, where anyone with the source or the binary can read it; read it from configuration, user secrets or a secret store instead",
        SecurityCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI3004: "TLS certificate validation is switched off".</summary>
    public static readonly DiagnosticDescriptor CertificateValidationOff = Create(
        DiagnosticIds.CertificateValidationOff,
        "TLS certificate validation is switched off",
        "This accepts any server certificate, so a man in the middle can read the SEI tokens and data this client sends; remove it, or trust your private certificate authority with SeiClientOptions.TrustedCertificateAuthorities",
        SecurityCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI3005: "'{0}' is created without a logger".</summary>
    public static readonly DiagnosticDescriptor ClientWithoutLogger = Create(
        DiagnosticIds.ClientWithoutLogger,
        "A generated client is created without a logger",
        "'{0}' is created without a logger, so it logs no calls and no RequestTrackingId for SEI support to trace. Pass an ILogger (an ILoggerFactory to Create), or register the client with its AddXxx method so dependency injection gives it one.",
        LoggingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI3006: "The query parameter '{0}' of '{1}' gets a value of unknown size".</summary>
    public static readonly DiagnosticDescriptor GetUrlValueUnbounded = Create(
        DiagnosticIds.GetUrlValueUnbounded,
        "A GET query parameter gets a value of unknown size and no bound",
        "The query parameter '{0}' of '{1}' gets a value of unknown size and the document sets no bound, so this GET's URL can pass the 2048 characters SEI accepts. Pass fewer or shorter values, or send them in the body of a POST (the operation's search counterpart, if it has one; the code fix moves the call there).",
        UrlLengthCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI9001: "Sei.Generators failed on '{0}'".</summary>
    public static readonly DiagnosticDescriptor InternalError = Create(
        DiagnosticIds.InternalError,
        "Sei.Generators failed on a document",
        "Sei.Generators failed on '{0}' with {1}: {2}. This is a bug in Sei.Generators, not in your code; report it with the document. No client was generated from this document.",
        InternalCategory,
        DiagnosticSeverity.Error);

    /// <summary>Gets every descriptor of the catalog, for lookups by ID and for the documentation test.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All => Catalog.All;

    /// <summary>Finds a descriptor by its ID.</summary>
    /// <param name="id">The ID.</param>
    /// <returns>The descriptor.</returns>
    public static DiagnosticDescriptor Get(string id) => Catalog.ById[id];

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");

    /// <summary>
    /// The list of all descriptors, built on first use. It is a class of its own because the
    /// descriptors are declared in several files of a partial class, whose static initializers C#
    /// runs in no stated order: a list built among them could hold nulls.
    /// </summary>
    private static class Catalog
    {
        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            InvalidSyntax,
            UnresolvedReference,
            UnsupportedVersion,
            SpecificationViolation,
            ExternalReference,
            LanguageVersionTooLow,
            SpecificationNotFollowed,
            DiagnosticsSummarized,
            UndeclaredPathParameter,
            UnusedPathParameter,
            DuplicateOperationId,
            SchemaRefersOnlyToItself,
            DuplicateNamespace,
            GetUrlCanExceedLimit,
            GetUrlUnbounded,
            VersionBreakingChange,
            StyleForSingleValue,
            MalformedOperationPattern,
            UnmatchedOperationPattern,
            VersionTypeChange,
            VersionNowRequired,
            VersionRequiredParameterAdded,
            SerializationNotAllowed,
            ReferenceCycle,
            ReferenceChainTooLong,
            SchemaTooDeep,
            ReferencesUnresolvable,
            AnchorReference,
            DynamicReferenceAmbiguous,
            InheritanceCycle,
            UnionListsItself,
            BodyNotSerialized,
            FormBodyNotObject,
            ParameterContentNotJson,
            FieldContentTypeNotSerialized,
            ResponseHeaderNotText,
            NestedMembersOutsideDeepObject,
            EnvironmentWithoutVariableValue,
            UndeclaredSecurityScheme,
            OperationSchemesDiffer,
            DelimitedStyleExploded,
            DeepObjectForArray,
            DeepObjectNotExploded,
            StyleForDynamicValue,
            TrackingIdDropped,
            GetUrlTooLong,
            CredentialInCode,
            CertificateValidationOff,
            ClientWithoutLogger,
            GetUrlValueUnbounded,
            InternalError);

        public static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(descriptor => descriptor.Id, StringComparer.Ordinal);
    }
}
