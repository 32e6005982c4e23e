using System;
using System.Linq;
using System.Reflection;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>Which members of a runtime base type a generated type in another assembly sees, and so could hide.</summary>
internal static class MemberVisibility
{
    /// <summary>
    /// Whether a base-class member can be hidden by a member of a generated type in another assembly:
    /// private and internal members of Sei.Client cannot, so a generated member may take their names.
    /// </summary>
    public static bool IsVisibleToDerivedTypes(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisibleToDerivedTypes),
        EventInfo @event => @event.AddMethod is { } add && IsVisibleToDerivedTypes(add),
        Type type => type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem,
        _ => true,
    };
}
