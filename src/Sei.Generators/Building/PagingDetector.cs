namespace Sei.Generators.Building;

/// <summary>
/// Recognizes SEI's cursor paging in a success response: one <c>paging</c> object (with a
/// <c>next</c> cursor) and exactly one array of items, each found directly on the response or one
/// wrapper object down (<c>meta.paging</c>, <c>data.items</c>), whatever the array is called.
/// </summary>
internal static class PagingDetector
{
    public static PagingModel? Detect(ResponseModel response, Func<string, TypeDeclaration?> find, Func<string> allocatePageMethodName)
    {
        if (response.Kind != ResponseKind.Json || response.Type is not { Kind: TypeKind.Named, NamedKind: NamedKind.Object } type
            || find(type.Name!) is not ObjectDeclaration root)
        {
            return null;
        }

        // The paging object stands beside the items or one wrapper down ({ "meta": { "paging": ... } }),
        // and must be the only one, or the client could not tell which cursor to follow.
        var candidates = PagingCandidates(root, find).ToList();
        if (candidates.Count != 1)
        {
            return null;
        }

        var (pagingPath, paging, pagingWrapper) = candidates[0];
        var itemsPath = FindItems(root, pagingPath[pagingPath.Count - 1], pagingWrapper, find, out var itemType);
        if (itemsPath is null)
        {
            return null;
        }

        return new PagingModel(
            allocatePageMethodName(),
            itemsPath.ToEquatableArray(),
            itemType!,
            pagingPath.Select(Step).ToEquatableArray(),
            Member(paging, "totalCount", IsInteger),
            Member(paging, "limit", IsInteger),
            Member(paging, "first", IsText),
            Member(paging, "last", IsText),
            Member(paging, "previous", IsText),
            Member(paging, "next", IsText),
            Member(paging, "self", IsText));
    }

    /// <summary>Every <c>paging</c> object with a <c>next</c> cursor: the root's own, and those of the root's object members.</summary>
    private static IEnumerable<(List<PropertyModel> Path, ObjectDeclaration Paging, PropertyModel? Wrapper)> PagingCandidates(ObjectDeclaration root, Func<string, TypeDeclaration?> find)
    {
        if (PagingOf(root, find) is { } direct)
        {
            yield return (new List<PropertyModel> { direct.Property }, direct.Paging, null);
        }

        foreach (var wrapper in ObjectMembers(root))
        {
            if (find(wrapper.Type.Name!) is ObjectDeclaration inner && !ReferenceEquals(inner, root) && PagingOf(inner, find) is { } nested)
            {
                yield return (new List<PropertyModel> { wrapper, nested.Property }, nested.Paging, wrapper);
            }
        }
    }

    private static (PropertyModel Property, ObjectDeclaration Paging)? PagingOf(ObjectDeclaration owner, Func<string, TypeDeclaration?> find)
    {
        var property = owner.Properties.FirstOrDefault(p => string.Equals(p.JsonName, "paging", StringComparison.OrdinalIgnoreCase)
            && p.Type is { Kind: TypeKind.Named, NamedKind: NamedKind.Object });
        return property is not null && find(property.Type.Name!) is ObjectDeclaration paging && Member(paging, "next", IsText) is not null
            ? (property, paging)
            : null;
    }

    private static IEnumerable<PropertyModel> ObjectMembers(ObjectDeclaration owner)
        => owner.Properties.Where(p => p.Type is { Kind: TypeKind.Named, NamedKind: NamedKind.Object });

    /// <summary>
    /// The one array of items, beside the paging object or one wrapper down. When several wrappers
    /// hold arrays, those in the wrapper that holds the paging object (a "meta" member with its own
    /// lists of warnings, say) are not the items.
    /// </summary>
    private static List<MemberStep>? FindItems(ObjectDeclaration root, PropertyModel pagingProperty, PropertyModel? pagingWrapper, Func<string, TypeDeclaration?> find, out TypeRef? itemType)
    {
        var direct = root.Properties.Where(p => p != pagingProperty && p.Type.Kind == TypeKind.Array).ToList();
        if (direct.Count == 1)
        {
            itemType = direct[0].Type.Element;
            return new List<MemberStep> { Step(direct[0]) };
        }

        itemType = null;
        if (direct.Count > 1)
        {
            return null;
        }

        // One wrapper down, as in { "data": { "items": [...] }, "paging": {...} }.
        var nested = new List<(PropertyModel Wrapper, PropertyModel Array)>();
        foreach (var wrapper in ObjectMembers(root).Where(p => p != pagingProperty))
        {
            if (find(wrapper.Type.Name!) is ObjectDeclaration inner)
            {
                nested.AddRange(inner.Properties.Where(p => p.Type.Kind == TypeKind.Array).Select(p => (wrapper, p)));
            }
        }

        if (nested.Count > 1 && pagingWrapper is not null)
        {
            nested.RemoveAll(candidate => candidate.Wrapper == pagingWrapper);
        }

        if (nested.Count != 1)
        {
            return null;
        }

        itemType = nested[0].Array.Type.Element;
        return new List<MemberStep> { Step(nested[0].Wrapper), Step(nested[0].Array) };
    }

    private static MemberStep Step(PropertyModel property) => new(property.Name, property.Type.IsNullable);

    private static MemberStep? Member(ObjectDeclaration paging, string jsonName, Func<TypeRef, bool> accepts)
    {
        var property = paging.Properties.FirstOrDefault(p => string.Equals(p.JsonName, jsonName, StringComparison.OrdinalIgnoreCase) && accepts(p.Type));
        return property is null ? null : Step(property);
    }

    private static bool IsText(TypeRef type) => type.Kind == TypeKind.String;

    private static bool IsInteger(TypeRef type) => type.Kind is TypeKind.Int32 or TypeKind.Int64;
}
