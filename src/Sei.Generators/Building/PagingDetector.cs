using System;
using System.Collections.Generic;
using System.Linq;
using Sei.Generators.Model;

namespace Sei.Generators.Building;

/// <summary>
/// Recognizes SEI's cursor paging in a success response: an object with a <c>paging</c> member
/// (itself an object with <c>next</c>) beside exactly one array of items, found directly or one
/// wrapper object down, whatever the array is called.
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

        var pagingProperty = root.Properties.FirstOrDefault(p => string.Equals(p.JsonName, "paging", StringComparison.OrdinalIgnoreCase)
            && p.Type is { Kind: TypeKind.Named, NamedKind: NamedKind.Object });
        if (pagingProperty is null || find(pagingProperty.Type.Name!) is not ObjectDeclaration paging || Member(paging, "next", IsText) is null)
        {
            return null;
        }

        var itemsPath = FindItems(root, pagingProperty, find, out var itemType);
        if (itemsPath is null)
        {
            return null;
        }

        return new PagingModel(
            allocatePageMethodName(),
            itemsPath.ToEquatableArray(),
            itemType!,
            new[] { Step(pagingProperty) }.ToEquatableArray(),
            Member(paging, "totalCount", IsInteger),
            Member(paging, "limit", IsInteger),
            Member(paging, "first", IsText),
            Member(paging, "last", IsText),
            Member(paging, "previous", IsText),
            Member(paging, "next", IsText),
            Member(paging, "self", IsText));
    }

    private static List<MemberStep>? FindItems(ObjectDeclaration root, PropertyModel pagingProperty, Func<string, TypeDeclaration?> find, out TypeRef? itemType)
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
        foreach (var wrapper in root.Properties.Where(p => p != pagingProperty && p.Type is { Kind: TypeKind.Named, NamedKind: NamedKind.Object }))
        {
            if (find(wrapper.Type.Name!) is ObjectDeclaration inner)
            {
                nested.AddRange(inner.Properties.Where(p => p.Type.Kind == TypeKind.Array).Select(p => (wrapper, p)));
            }
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
