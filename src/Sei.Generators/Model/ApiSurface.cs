namespace Sei.Generators.Model;

/// <summary>What a part of an API's surface is.</summary>
internal enum SurfaceKind
{
    Operation,
    Parameter,
    Schema,
    Property,
    EnumValue,
}

/// <summary>
/// One thing a caller of a version can depend on: an operation, a parameter, a schema, a property
/// or an enumeration value. <see cref="Key"/> identifies it across versions (the version segment of
/// paths and the names of path parameters are left out of it), <see cref="Shape"/> says its type so
/// a change can be seen, and <see cref="Pointer"/> says where it stands in its document. Pointers,
/// not positions: the positions are only worked out when there is something to report.
/// </summary>
internal sealed record SurfaceItem(SurfaceKind Kind, string Key, string ParentKey, string Display, string Shape, bool IsRequired, string Pointer);

/// <summary>
/// The surface of one document, for comparing versions of the same product: SEI publishes a new
/// version as a new document, and users regenerate by adding it beside the old one.
/// </summary>
internal sealed record ApiSurface(string FilePath, string Product, int Version, string Namespace, EquatableArray<SurfaceItem> Items);
