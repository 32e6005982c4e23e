using Microsoft.CodeAnalysis;

namespace Sei.Generators.Diagnostics;

/// <summary>
/// The rules about how a parameter or form field is laid out on the wire: a style or
/// collectionFormat the specification does not allow where it stands (SEI2015), and each cell of
/// the specification's style table that it leaves undefined (SEI2009 and SEI2033–2036). Every
/// message starts with the value it is about: "The {0} '{1}' of '{2}'", kind, name and operation.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    private const string UndefinedLayoutAdvice = " Declare a style the specification defines for this type if the server expects something else.";

    /// <summary>SEI2015: "The {0} '{1}' of '{2}' declares {3} '{4}', which the OpenAPI specification does not allow there".</summary>
    public static readonly DiagnosticDescriptor SerializationNotAllowed = Create(
        DiagnosticIds.SerializationNotAllowed,
        "A parameter declares a style or collectionFormat the specification does not allow there",
        "The {0} '{1}' of '{2}' declares {3} '{4}', which the OpenAPI specification does not allow there, so it is sent with {3} '{5}'. Declare a {3} the specification lists for it.",
        DocumentCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2009: "The {0} '{1}' of '{2}' uses {3} for a single value, which OpenAPI leaves undefined".</summary>
    public static readonly DiagnosticDescriptor StyleForSingleValue = Create(
        DiagnosticIds.StyleForSingleValue,
        "A parameter uses a style for a single value that OpenAPI defines only for arrays or objects",
        "The {0} '{1}' of '{2}' uses {3} for a single value, which OpenAPI leaves undefined; it is sent as name=value." + UndefinedLayoutAdvice,
        DocumentCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI2033: "The {0} '{1}' of '{2}' uses {3} with explode: true, which OpenAPI leaves undefined".</summary>
    public static readonly DiagnosticDescriptor DelimitedStyleExploded = Create(
        DiagnosticIds.DelimitedStyleExploded,
        "A parameter uses spaceDelimited or pipeDelimited with explode: true",
        "The {0} '{1}' of '{2}' uses {3} with explode: true, which OpenAPI leaves undefined; it is sent with its values joined by the delimiter, as without explode." + UndefinedLayoutAdvice,
        DocumentCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI2034: "The {0} '{1}' of '{2}' uses deepObject for an array, which OpenAPI leaves undefined".</summary>
    public static readonly DiagnosticDescriptor DeepObjectForArray = Create(
        DiagnosticIds.DeepObjectForArray,
        "A parameter uses deepObject for an array",
        "The {0} '{1}' of '{2}' uses deepObject for an array, which OpenAPI leaves undefined; it is sent with indexed brackets, name[0]=a&name[1]=b, as Stripe, Rails and the qs library read it." + UndefinedLayoutAdvice,
        DocumentCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI2035: "The {0} '{1}' of '{2}' uses deepObject without explode: true, which OpenAPI leaves undefined".</summary>
    public static readonly DiagnosticDescriptor DeepObjectNotExploded = Create(
        DiagnosticIds.DeepObjectNotExploded,
        "A parameter uses deepObject without explode: true",
        "The {0} '{1}' of '{2}' uses deepObject without explode: true, which OpenAPI leaves undefined; it is sent as deepObject with explode: true, name[key]=value." + UndefinedLayoutAdvice,
        DocumentCategory,
        DiagnosticSeverity.Info);

    /// <summary>SEI2036: "The {0} '{1}' of '{2}' holds a value whose shape is known only when it is sent".</summary>
    public static readonly DiagnosticDescriptor StyleForDynamicValue = Create(
        DiagnosticIds.StyleForDynamicValue,
        "A parameter's value has a shape known only when it is sent",
        "The {0} '{1}' of '{2}' holds a value whose shape is known only when it is sent (a oneOf, anyOf or untyped schema), which OpenAPI leaves undefined in the {3} style; it is sent by the shape it has then, with members that are arrays or objects as their JSON text." + UndefinedLayoutAdvice,
        DocumentCategory,
        DiagnosticSeverity.Info);
}
