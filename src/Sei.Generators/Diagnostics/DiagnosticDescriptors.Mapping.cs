using Microsoft.CodeAnalysis;

namespace Sei.Generators.Diagnostics;

/// <summary>
/// The rules about what C# cannot say as the document does. Each message names what was generated
/// instead, in the same words, so the error list reads as one voice: "… cannot be mapped faithfully
/// (why); what was generated instead. What to change."
/// </summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>SEI2004: "The schema '{0}' cannot be mapped faithfully (it refers to itself without an object in between)".</summary>
    public static readonly DiagnosticDescriptor SchemaRefersOnlyToItself = Create(
        DiagnosticIds.SchemaRefersOnlyToItself,
        "A schema refers to itself without an object in between",
        "The schema '{0}' cannot be mapped faithfully (it refers to itself without an object in between); JsonElement was generated instead. Give it an object type, with the recursion in one of its properties.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2016: "The schema '{0}' cannot be mapped faithfully (it is one of a cycle of {1} references that never reaches a schema)".</summary>
    public static readonly DiagnosticDescriptor ReferenceCycle = Create(
        DiagnosticIds.ReferenceCycle,
        "Schemas form a cycle of references that never reaches a schema",
        "The schema '{0}' cannot be mapped faithfully (it is one of a cycle of {1} references that never reaches a schema); JsonElement, for every schema of the cycle, was generated instead. Make one schema of the cycle a schema of its own rather than a $ref.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2017: "The schema '{0}' cannot be mapped faithfully (it starts a chain of {1} references, longer than the {2} the generator follows)".</summary>
    public static readonly DiagnosticDescriptor ReferenceChainTooLong = Create(
        DiagnosticIds.ReferenceChainTooLong,
        "A chain of references is longer than the generator follows",
        "The schema '{0}' cannot be mapped faithfully (it starts a chain of {1} references, longer than the {2} the generator follows); JsonElement, for it and every schema of the chain too far from its end, was generated instead. Refer to the schema at the end of the chain directly.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2018: "The schema at '{0}' cannot be mapped faithfully (it nests deeper than {1} levels)".</summary>
    public static readonly DiagnosticDescriptor SchemaTooDeep = Create(
        DiagnosticIds.SchemaTooDeep,
        "A schema nests deeper than the generator follows",
        "The schema at '{0}' cannot be mapped faithfully (it nests deeper than {1} levels); JsonElement was generated instead. Flatten the nesting, or break it with a schema of type object.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2019: "The schema at '{0}' cannot be mapped faithfully (Microsoft.OpenApi cannot resolve the references it reaches)".</summary>
    public static readonly DiagnosticDescriptor ReferencesUnresolvable = Create(
        DiagnosticIds.ReferencesUnresolvable,
        "Microsoft.OpenApi cannot resolve the references a schema reaches",
        "The schema at '{0}' cannot be mapped faithfully (Microsoft.OpenApi cannot resolve the references it reaches); JsonElement was generated instead. Look for $refs it reaches that lead only to one another, and give one of them a schema of its own.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2020: "The reference '{0}' cannot be mapped faithfully (it names an anchor inside a schema rather than a component schema)".</summary>
    public static readonly DiagnosticDescriptor AnchorReference = Create(
        DiagnosticIds.AnchorReference,
        "A reference names an anchor inside a schema",
        "The reference '{0}' cannot be mapped faithfully (it names an anchor inside a schema rather than a component schema); JsonElement was generated instead. Move the anchored schema to the components and refer to it there.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2021: "The dynamic reference '{0}' cannot be mapped faithfully (it can resolve at run time to {1} as well)".</summary>
    public static readonly DiagnosticDescriptor DynamicReferenceAmbiguous = Create(
        DiagnosticIds.DynamicReferenceAmbiguous,
        "A dynamic reference can resolve to more than one schema",
        "The dynamic reference '{0}' cannot be mapped faithfully (it can resolve at run time to {1} as well, and a C# type is fixed when it is generated); the type of '{2}', where it resolves first, was generated instead. Use a $ref to the schema meant, if the API means one.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2022: "The schema '{0}' cannot be mapped faithfully (its allOf leads back to it through '{1}', a cycle of inheritance)".</summary>
    public static readonly DiagnosticDescriptor InheritanceCycle = Create(
        DiagnosticIds.InheritanceCycle,
        "An allOf chain leads back to the schema it starts from",
        "The schema '{0}' cannot be mapped faithfully (its allOf leads back to it through '{1}', a cycle of inheritance); a class with the members of '{1}' copied in, not derived from it, was generated instead. Remove one allOf link of the cycle.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2023: "The alternative {0} of '{1}' cannot be mapped faithfully (it is the schema itself)".</summary>
    public static readonly DiagnosticDescriptor UnionListsItself = Create(
        DiagnosticIds.UnionListsItself,
        "A oneOf or anyOf lists the schema itself",
        "The alternative {0} of '{1}' cannot be mapped faithfully (it is the schema itself); the union without it was generated instead. Remove that alternative, which adds no shape.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2024: "The {0} body of '{1}' cannot be mapped faithfully (only JSON, form, multipart, text and binary bodies are serialized)".</summary>
    public static readonly DiagnosticDescriptor BodyNotSerialized = Create(
        DiagnosticIds.BodyNotSerialized,
        "A request body's media type is not one the client serializes",
        "The {0} body of '{1}' cannot be mapped faithfully (only JSON, form, multipart, text and binary bodies are serialized); a binary body (SeiFile) that the caller fills was generated instead. Offer an application/json body beside it, if the API accepts one.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2025: "The {0} body of '{1}' cannot be mapped faithfully (its schema is not an object with properties)".</summary>
    public static readonly DiagnosticDescriptor FormBodyNotObject = Create(
        DiagnosticIds.FormBodyNotObject,
        "A form or multipart body's schema is not an object",
        "The {0} body of '{1}' cannot be mapped faithfully (its schema is not an object with properties, so its fields are unknown); a binary body (SeiFile) was generated instead. Describe the fields as an object schema with properties.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2026: "The {0} '{1}' of '{2}' cannot be mapped faithfully (only JSON content is serialized, and it is declared as {3})".</summary>
    public static readonly DiagnosticDescriptor ParameterContentNotJson = Create(
        DiagnosticIds.ParameterContentNotJson,
        "A parameter's content is in a media type the client does not serialize",
        "The {0} '{1}' of '{2}' cannot be mapped faithfully (only JSON content is serialized, and it is declared as {3}); it is sent as its JSON text. Declare its content as application/json, or give it a schema and a style instead.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2027: "The {0} '{1}' of '{2}' cannot be mapped faithfully (only JSON and text are serialized, and its contentType is {3})".</summary>
    public static readonly DiagnosticDescriptor FieldContentTypeNotSerialized = Create(
        DiagnosticIds.FieldContentTypeNotSerialized,
        "A body field's contentType is not one the client serializes",
        "The {0} '{1}' of '{2}' cannot be mapped faithfully (only JSON and text are serialized, and its contentType is {3}); it is sent as a JSON part in a multipart body, and as bracketed fields in a form. Declare contentType: application/json, or a text/* type for text.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2028: "The {0} '{1}' of '{2}' cannot be mapped faithfully (a header holds text)".</summary>
    public static readonly DiagnosticDescriptor ResponseHeaderNotText = Create(
        DiagnosticIds.ResponseHeaderNotText,
        "A response header's schema is not a primitive or an array of primitives",
        "The {0} '{1}' of '{2}' cannot be mapped faithfully (a header holds text, and only primitive values and arrays of them are read from it); a string property with the header's text was generated instead. Declare the header's schema as a primitive or an array of primitives.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2029: "The {0} '{1}' of '{2}' cannot be mapped faithfully (it holds arrays or objects in {3}, which only deepObject lays out)" ({3}: its members' names, items or additionalProperties).</summary>
    public static readonly DiagnosticDescriptor NestedMembersOutsideDeepObject = Create(
        DiagnosticIds.NestedMembersOutsideDeepObject,
        "A parameter's members are arrays or objects, in a style that cannot lay them out",
        "The {0} '{1}' of '{2}' cannot be mapped faithfully (it holds arrays or objects in {3}, which only deepObject lays out); they are sent as their JSON text in the {4} layout. Declare style: deepObject, flatten the members, or send the value in a request body.",
        MappingCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2030: "The description of the server '{0}' names {1}, but no value of its variable '{2}' names that environment".</summary>
    public static readonly DiagnosticDescriptor EnvironmentWithoutVariableValue = Create(
        DiagnosticIds.EnvironmentWithoutVariableValue,
        "A server's description names an environment its variable has no value for",
        "The description of the server '{0}' names {1}, but no value of its variable '{2}' names that environment, so the client has no URL for {1} and choosing it fails with a message. Add the value to the variable's enum, or list that environment's server on its own.",
        DocumentCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2031: "A security requirement names the security scheme '{0}', which the document does not declare".</summary>
    public static readonly DiagnosticDescriptor UndeclaredSecurityScheme = Create(
        DiagnosticIds.UndeclaredSecurityScheme,
        "A security requirement names a scheme the document does not declare",
        "A security requirement names the security scheme '{0}', which the document does not declare, so no credentials of the client answer it and nothing is sent for it. Correct the scheme's name, or declare it under the security schemes.",
        DocumentCategory,
        DiagnosticSeverity.Warning);

    /// <summary>SEI2032: "The schemes of operation '{0} {1}' cannot be mapped faithfully (it lists {2}, and the client calls every operation on the document's servers ({3}))".</summary>
    public static readonly DiagnosticDescriptor OperationSchemesDiffer = Create(
        DiagnosticIds.OperationSchemesDiffer,
        "A Swagger 2.0 operation lists schemes other than the document's",
        "The schemes of operation '{0} {1}' cannot be mapped faithfully (it lists {2}, and the client calls every operation on the document's servers ({3})); a method that calls the document's servers was generated instead. Give the operation the document's schemes, or call it with a client whose BaseAddress uses its scheme.",
        MappingCategory,
        DiagnosticSeverity.Warning);
}
