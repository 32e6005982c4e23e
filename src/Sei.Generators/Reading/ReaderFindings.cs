using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Sei.Generators.Reading;

/// <summary>
/// What Microsoft.OpenApi 3.11 reports about a document, turned into the generator's diagnostics,
/// by class. Its validation rules are named, and each rule is judged once: kept, and reported as
/// SEI1004 when breaking it leaves the generated client without something the document says, or as
/// SEI1007 when the client is whole; or left out, where the rule does not hold for every version
/// the generator reads, or says what the generator's own checks say more exactly.
/// </summary>
internal static class ReaderFindings
{
    /// <summary>
    /// Rules left out of the reader's default set. Each is a false positive on some valid document,
    /// or a less exact copy of one of our own checks.
    /// </summary>
    public static IReadOnlyList<ValidationRule> LeftOut { get; } = new ValidationRule[]
    {
        // Component names must match ^[a-zA-Z0-9.\-_]+$ in 3.x, but a 2.0 definitions key may be any
        // string (Bungie's "BungieMembershipType[]"), and the rule points at /components, not the key.
        // SpecificationCheck applies it to 3.x documents, at the key.
        OpenApiComponentsRules.KeyMustBeRegularExpression,

        // Reports a $ref to a 3.1 anchor or $dynamicAnchor as missing, and a broken $ref a second time
        // beside the builder's SEI1002. ReferenceCheck resolves every $ref against the text itself.
        OpenApiDocumentRules.OpenApiDocumentReferencesAreValid,

        // In 3.1 an operation need not have responses, but the reader gives it an empty set and then
        // reports that. SpecificationCheck tells an absent set (required before 3.1) from an empty one.
        OpenApiResponsesRules.ResponsesMustContainAtLeastOneResponse,

        // Requires the discriminator's property in a required list, which only Swagger 2.0 demands;
        // SpecificationCheck applies it to 2.0 documents.
        OpenApiSchemaRules.ValidateSchemaDiscriminator,

        // The builder reports a declared path parameter missing from its path as SEI2002, at the parameter.
        OpenApiParameterRules.PathParameterShouldBeInThePath,
    };

    /// <summary>The rules the reader runs: its default set without <see cref="LeftOut"/>.</summary>
    public static ValidationRuleSet RuleSet
    {
        get
        {
            // A new set each time: rule sets are mutable, and the generator may run on several threads.
            var rules = ValidationRuleSet.GetDefaultRuleSet();
            foreach (var rule in LeftOut)
            {
                rules.Remove(rule.Name);
            }

            return rules;
        }
    }

    /// <summary>
    /// The rules kept, by name, and whether breaking them leaves the generated client without
    /// something the document says (SEI1004) or not (SEI1007).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Kept { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // A parameter without a name or location, a server without a URL, a property whose schema is
        // null: the generator has to leave them out.
        [OpenApiParameterRules.ParameterRequiredFields.Name] = DiagnosticIds.SpecificationViolation,
        [OpenApiServerRules.ServerRequiredFields.Name] = DiagnosticIds.SpecificationViolation,
        [OpenApiSchemaRules.ValidateSchemaPropertyHasValue.Name] = DiagnosticIds.SpecificationViolation,

        // A path that does not begin with '/' and a response keyed neither by a status code nor by
        // "default" cannot be called or chosen.
        [OpenApiPathsRules.PathNameMustBeginWithSlash.Name] = DiagnosticIds.SpecificationViolation,
        [OpenApiResponsesRules.ResponsesMustBeIdentifiedByDefaultOrStatusCode.Name] = DiagnosticIds.SpecificationViolation,

        // An OAuth flow without its token or authorization URL: callers must supply it (the scopes,
        // also required, may be empty, so their absence changes nothing; see Classify).
        [OpenApiOAuthFlowRules.OAuthFlowRequiredFields.Name] = DiagnosticIds.SpecificationViolation,

        // Documentation fields and rules whose breach the generated client does not notice.
        [OpenApiContactRules.EmailMustBeEmailFormat.Name] = DiagnosticIds.SpecificationNotFollowed,
        [OpenApiDocumentRules.OpenApiDocumentFieldIsMissing.Name] = DiagnosticIds.SpecificationNotFollowed,
        [OpenApiExtensibleRules.ExtensionNameMustStartWithXDash.Name] = DiagnosticIds.SpecificationNotFollowed,
        [OpenApiExternalDocsRules.UrlIsRequired.Name] = DiagnosticIds.SpecificationNotFollowed,
        [OpenApiInfoRules.InfoRequiredFields.Name] = DiagnosticIds.SpecificationNotFollowed,
        [OpenApiLicenseRules.LicenseRequiredFields.Name] = DiagnosticIds.SpecificationNotFollowed,
        [OpenApiResponseRules.ResponseRequiredFields.Name] = DiagnosticIds.SpecificationNotFollowed,
        [OpenApiTagRules.TagRequiredFields.Name] = DiagnosticIds.SpecificationNotFollowed,
        [OpenApiPathsRules.PathMustBeUnique.Name] = DiagnosticIds.SpecificationNotFollowed,
        [OpenApiParameterRules.RequiredMustBeTrueWhenInIsPath.Name] = DiagnosticIds.SpecificationNotFollowed,
    };

    /// <summary>Turns the reader's errors and warnings into diagnostics.</summary>
    public static void Report(OpenApiDiagnostic diagnostic, JsonObject root, ProblemCollector problems)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in diagnostic.Errors.Concat(diagnostic.Warnings))
        {
            var message = EndSentence(finding.Message);
            var rule = finding switch
            {
                OpenApiValidatorError error => error.RuleName,
                OpenApiValidatorWarning warning => warning.RuleName,
                _ => null,
            };

            if (rule is not null)
            {
                // Validation rules walk the object model, whose pointers the collector translates for 2.0.
                problems.AddOfKind(Classify(rule, finding.Pointer), finding.Pointer, "Microsoft.OpenApi's rule " + rule, RuleSentence(message));
                continue;
            }

            if (ReaderMessages.IsUnknownField(finding.Message))
            {
                // SpecificationCheck reports unknown fields itself, knowing every version's fields, so
                // the reader's view (it lacks some valid fields of 2.0, such as an operation's schemes) is not used.
                continue;
            }

            // A value the reader could not read (a list where one value belongs, say) is left out of the
            // model. Its pointer is the document's, but may name a list where it means one of its items.
            var occurrence = occurrences.TryGetValue(finding.Pointer + "|" + message, out var seen) ? seen : 0;
            occurrences[finding.Pointer + "|" + message] = occurrence + 1;
            var pointer = LooseResolve(root, (finding.Pointer ?? string.Empty).TrimStart('#'), occurrence);
            problems.AddInSource(DiagnosticIds.SpecificationViolation, pointer, "a value the OpenAPI reader could not read", "Microsoft.OpenApi could not read this value (" + message.TrimEnd('.') + ") and left it out.");
        }
    }

    /// <summary>Which ID a kept rule's finding gets; a rule not in <see cref="Kept"/> (a newer library's) is taken to cost the client something.</summary>
    internal static string Classify(string rule, string? pointer)
    {
        if (!Kept.TryGetValue(rule, out var id))
        {
            return DiagnosticIds.SpecificationViolation;
        }

        // The OAuth flow rule names the missing field at the end of its pointer: missing scopes cost nothing.
        if (rule == OpenApiOAuthFlowRules.OAuthFlowRequiredFields.Name && pointer is not null && pointer.EndsWith("/scopes", StringComparison.Ordinal))
        {
            return DiagnosticIds.SpecificationNotFollowed;
        }

        return id;
    }

    /// <summary>
    /// The concrete pointer a loose one means. The reader's parse errors name a parameter list where
    /// they mean one of its items (<c>/parameters/type</c>); the n-th identical report then means the
    /// n-th item, in document order, where the rest of the pointer exists.
    /// </summary>
    internal static string LooseResolve(JsonObject root, string pointer, int occurrence)
    {
        var matches = new List<string>();
        var segments = SourceMap.SplitPointer(pointer);
        var pending = new Stack<(JsonNode? Node, int Segment, string Pointer)>();
        pending.Push((root, 0, string.Empty));
        while (pending.Count > 0 && matches.Count <= occurrence)
        {
            var (node, index, at) = pending.Pop();
            if (index == segments.Count)
            {
                matches.Add(at);
                continue;
            }

            var segment = segments[index];
            if (node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child))
            {
                pending.Push((child, index + 1, SourceMap.Append(at, segment)));
            }
            else if (node is JsonArray array)
            {
                if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var item) && item < array.Count)
                {
                    pending.Push((array[item], index + 1, at + "/" + segment));
                }
                else
                {
                    // The list's items, first on top, each trying the same segment.
                    for (var i = array.Count - 1; i >= 0; i--)
                    {
                        pending.Push((array[i], index, at + "/" + i.ToString(CultureInfo.InvariantCulture)));
                    }
                }
            }
        }

        return matches.Count > occurrence ? matches[occurrence] : matches.Count > 0 ? matches[0] : pointer;
    }

    private static string EndSentence(string message)
    {
        var trimmed = message.Trim();
        return trimmed.EndsWith(".", StringComparison.Ordinal) ? trimmed : trimmed + ".";
    }

    /// <summary>The reader's message, as the rule it states.</summary>
    private static string RuleSentence(string message) => "Microsoft.OpenApi reports: " + message;
}

/// <summary>
/// The one place that reads Microsoft.OpenApi's message texts. Its parse errors carry no rule name
/// and, for an unknown field, no pointer (the location is only in the text), so the text is the
/// only handle on that class of finding. Keep every such dependency here.
/// </summary>
internal static class ReaderMessages
{
    /// <summary>Microsoft.OpenApi 3.11 words an unknown field "{name} is not a valid property at {location}".</summary>
    private const string UnknownFieldMarker = " is not a valid property at ";

    public static bool IsUnknownField(string message) => message.IndexOf(UnknownFieldMarker, StringComparison.Ordinal) > 0;
}
