namespace Sei.Generators.Model;

/// <summary>
/// A type the generator declares: an object, an extensible enumeration or a union. Every
/// declaration is an immutable record of values so that two builds of the same document give
/// equal models; it holds no Roslyn symbols, syntax or locations.
/// </summary>
internal abstract record TypeDeclaration(string Name, string? Summary, bool IsDeprecated);

/// <summary>
/// One property of an object. <see cref="TracksExplicitNull"/> marks optional properties the
/// document allows to be null: for them "set to null" (sent as null, e.g. to clear a field in a
/// merge patch) differs from "not set" (left out), so the generated property remembers assignment.
/// <see cref="DefaultValue"/> is the document's default as a fact, not as C#: a string as it is, a
/// number or Boolean in invariant text, and for an enumeration the name of its member; the
/// emitter spells it, fully qualified, so no member can capture the name of its type.
/// </summary>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    bool IsReadOnly,
    bool IsWriteOnly,
    bool IsDeprecated,
    string? Summary,
    string? DefaultValue,
    bool TracksExplicitNull = false,
    bool IsInherited = false);

/// <summary>
/// An object schema. <see cref="AdditionalProperties"/> is the value type of unknown members:
/// the document's <c>additionalProperties</c> schema, or <see cref="TypeRef.Any"/> so that
/// members a newer server adds are kept rather than lost.
/// </summary>
/// <remarks>
/// <see cref="Properties"/> lists every member, inherited ones too (marked), because the converter
/// reads and writes them all. An object with <see cref="DerivedTypes"/> is the base of a hierarchy
/// (<c>allOf</c> inheritance); its converter dispatches on the discriminator when reading and on
/// the runtime type when writing.
/// </remarks>
internal sealed record ObjectDeclaration(
    string Name,
    string? Summary,
    bool IsDeprecated,
    EquatableArray<PropertyModel> Properties,
    TypeRef AdditionalProperties,
    string? BaseName = null,
    string? DiscriminatorProperty = null,
    EquatableArray<string> DiscriminatorValues = default,
    EquatableArray<DerivedTypeModel> DerivedTypes = default)
    : TypeDeclaration(Name, Summary, IsDeprecated);

/// <summary>A type that derives, directly or not, from an object; deeper ones come first so type tests pick the most derived.</summary>
internal sealed record DerivedTypeModel(string Name, EquatableArray<string> DiscriminatorValues, bool HasDerivedTypes);

/// <summary>One known value of an enumeration.</summary>
internal sealed record EnumMemberModel(string Name, string WireValue, string? Summary);

/// <summary>An extensible enumeration of strings or integers; unknown values are kept, not rejected.</summary>
internal sealed record EnumDeclaration(
    string Name,
    string? Summary,
    bool IsDeprecated,
    bool IsInteger,
    EquatableArray<EnumMemberModel> Members)
    : TypeDeclaration(Name, Summary, IsDeprecated);

/// <summary>One alternative of a union, with the discriminator values that select it.</summary>
internal sealed record UnionVariantModel(string Name, TypeRef Type, EquatableArray<string> DiscriminatorValues, EquatableArray<string> RequiredJsonNames);

/// <summary>A <c>oneOf</c>/<c>anyOf</c>: exactly one alternative is set, or none when the value matched no alternative (the raw JSON is kept).</summary>
internal sealed record UnionDeclaration(
    string Name,
    string? Summary,
    bool IsDeprecated,
    string? DiscriminatorProperty,
    EquatableArray<UnionVariantModel> Variants)
    : TypeDeclaration(Name, Summary, IsDeprecated);
