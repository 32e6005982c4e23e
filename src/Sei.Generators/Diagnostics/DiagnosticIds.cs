namespace Sei.Generators.Diagnostics;

/// <summary>
/// The catalog's IDs. An ID is never reused or renumbered: users suppress diagnostics by ID in
/// <c>NoWarn</c> and <c>.globalconfig</c>, and each has a page in <c>docs/diagnostics/</c>.
/// </summary>
internal static class DiagnosticIds
{
    public const string InvalidSyntax = "SEI1001";
    public const string UnresolvedReference = "SEI1002";
    public const string UnsupportedVersion = "SEI1003";
    public const string SpecificationViolation = "SEI1004";
    public const string ExternalReference = "SEI1005";
    public const string LanguageVersionTooLow = "SEI1006";
    public const string SpecificationNotFollowed = "SEI1007";
    public const string DiagnosticsSummarized = "SEI1008";
    public const string UndeclaredPathParameter = "SEI2001";
    public const string UnusedPathParameter = "SEI2002";
    public const string DuplicateOperationId = "SEI2003";
    public const string SchemaRefersOnlyToItself = "SEI2004";
    public const string DuplicateNamespace = "SEI2005";
    public const string GetUrlCanExceedLimit = "SEI2006";
    public const string GetUrlUnbounded = "SEI2007";
    public const string VersionBreakingChange = "SEI2008";
    public const string StyleForSingleValue = "SEI2009";
    public const string MalformedOperationPattern = "SEI2010";
    public const string UnmatchedOperationPattern = "SEI2011";
    public const string VersionTypeChange = "SEI2012";
    public const string VersionNowRequired = "SEI2013";
    public const string VersionRequiredParameterAdded = "SEI2014";
    public const string SerializationNotAllowed = "SEI2015";
    public const string ReferenceCycle = "SEI2016";
    public const string ReferenceChainTooLong = "SEI2017";
    public const string SchemaTooDeep = "SEI2018";
    public const string ReferencesUnresolvable = "SEI2019";
    public const string AnchorReference = "SEI2020";
    public const string DynamicReferenceAmbiguous = "SEI2021";
    public const string InheritanceCycle = "SEI2022";
    public const string UnionListsItself = "SEI2023";
    public const string BodyNotSerialized = "SEI2024";
    public const string FormBodyNotObject = "SEI2025";
    public const string ParameterContentNotJson = "SEI2026";
    public const string FieldContentTypeNotSerialized = "SEI2027";
    public const string ResponseHeaderNotText = "SEI2028";
    public const string NestedMembersOutsideDeepObject = "SEI2029";
    public const string EnvironmentWithoutVariableValue = "SEI2030";
    public const string UndeclaredSecurityScheme = "SEI2031";
    public const string OperationSchemesDiffer = "SEI2032";
    public const string DelimitedStyleExploded = "SEI2033";
    public const string DeepObjectForArray = "SEI2034";
    public const string DeepObjectNotExploded = "SEI2035";
    public const string StyleForDynamicValue = "SEI2036";
    public const string TrackingIdDropped = "SEI3001";
    public const string GetUrlTooLong = "SEI3002";
    public const string CredentialInCode = "SEI3003";
    public const string CertificateValidationOff = "SEI3004";
    public const string ClientWithoutLogger = "SEI3005";
    public const string GetUrlValueUnbounded = "SEI3006";
    public const string InternalError = "SEI9001";
}
