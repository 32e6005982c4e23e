namespace Sei.Generators.Model;

/// <summary>The shape of a value, independent of how C# spells it (the emitter decides that).</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    Guid,
    DateTime,
    Date,
    Uri,
    Bytes,
    File,
    Any,
    Named,
    Array,
    Map,
}

/// <summary>What kind of declaration a <see cref="TypeKind.Named"/> reference points at.</summary>
internal enum NamedKind
{
    None,
    Object,
    Enum,
    Union,
}

/// <summary>
/// A reference to a type used by a property, parameter or body. Immutable and structurally
/// equatable (a record whose members are all values), so it can live in the pipeline's cache.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, NamedKind NamedKind = NamedKind.None, TypeRef? Element = null, bool IsNullable = false)
{
    public static TypeRef Any { get; } = new(TypeKind.Any);

    public static TypeRef String { get; } = new(TypeKind.String);

    public TypeRef AsNullable(bool nullable = true) => IsNullable == nullable ? this : this with { IsNullable = nullable };

    public bool IsValueType => Kind switch
    {
        TypeKind.String or TypeKind.Uri or TypeKind.Bytes or TypeKind.File or TypeKind.Array or TypeKind.Map => false,
        TypeKind.Named => NamedKind == NamedKind.Enum,
        _ => true,
    };

    /// <summary>Gets a value indicating whether parameter styles take the value as one: text, numbers, Booleans, dates, identifiers and enumeration values.</summary>
    public bool IsPrimitive => Kind is not (TypeKind.Array or TypeKind.Map or TypeKind.Any or TypeKind.File or TypeKind.Named)
        || (Kind == TypeKind.Named && NamedKind == NamedKind.Enum);

    /// <summary>Gets a value indicating whether this is a primitive, or an array of primitives (the items taken non-null).</summary>
    public bool IsPrimitiveOrPrimitiveArray => IsPrimitive || (Kind == TypeKind.Array && Element!.AsNullable(false).IsPrimitive);
}
