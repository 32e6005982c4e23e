using System;
using System.Collections.Generic;
using System.Linq;
using Sei.Generators.Model;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>
/// Walks a client model the way generated code uses it: from each operation's parameters, bodies,
/// responses and response headers, through every property, item, map value, base, derived type and
/// union alternative. What a part of a document generates is checked against it.
/// </summary>
internal static class ModelGraph
{
    /// <summary>The names of the declared types that the operations of <paramref name="model"/> use, directly or not, and that <paramref name="roots"/> reach.</summary>
    /// <param name="model">The model.</param>
    /// <param name="roots">Types to start from besides the operations' (those of error bodies, which no signature names).</param>
    /// <returns>The names.</returns>
    public static HashSet<string> TypesInUse(ClientModel model, IEnumerable<string>? roots = null)
    {
        var declarations = model.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>();
        void Push(TypeRef? type)
        {
            if (type is not null)
            {
                pending.Push(type);
            }
        }

        void PushNamed(string name) => Push(new TypeRef(TypeKind.Named, name, NamedKind.Object));

        (roots ?? Enumerable.Empty<string>()).ToList().ForEach(PushNamed);
        foreach (var operation in model.Operations)
        {
            operation.Parameters.ToList().ForEach(p => Push(p.Type));
            Push(operation.Body?.Type);
            operation.BodyVariants.ToList().ForEach(v => Push(v.Body.Type));
            Push(operation.Response.Type);
            (operation.ResponseHeaders?.Headers ?? default).ToList().ForEach(h => Push(h.Type));
        }

        while (pending.Count > 0)
        {
            var type = pending.Pop();
            Push(type.Element);
            if (type.Kind != TypeKind.Named || !seen.Add(type.Name!))
            {
                continue;
            }

            switch (declarations[type.Name!])
            {
                case ObjectDeclaration declaration:
                    declaration.Properties.ToList().ForEach(p => Push(p.Type));
                    Push(declaration.AdditionalProperties);
                    if (declaration.BaseName is { } baseName)
                    {
                        PushNamed(baseName);
                    }

                    declaration.DerivedTypes.ToList().ForEach(d => PushNamed(d.Name));
                    break;
                case UnionDeclaration union:
                    union.Variants.ToList().ForEach(v => Push(v.Type));
                    break;
            }
        }

        return seen;
    }

    /// <summary>
    /// What in <paramref name="part"/> is not as in <paramref name="whole"/>, the model of the whole
    /// document: a type it lacks or declares otherwise (a base may know fewer derived types, never
    /// others), an operation it lacks or maps otherwise (link helpers to operations left out aside).
    /// </summary>
    public static List<string> DifferencesFromWhole(ClientModel part, ClientModel whole)
    {
        var differences = new List<string>();
        var types = whole.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var type in part.Types)
        {
            if (!types.TryGetValue(type.Name, out var same))
            {
                differences.Add("the type " + type.Name + " is not in the whole model");
            }
            else if (type is ObjectDeclaration declaration && same is ObjectDeclaration wholeDeclaration)
            {
                if (declaration with { DerivedTypes = default } != wholeDeclaration with { DerivedTypes = default })
                {
                    differences.Add("the type " + type.Name + " differs");
                }

                if (declaration.DerivedTypes.Except(wholeDeclaration.DerivedTypes).FirstOrDefault() is { } extra)
                {
                    differences.Add("the type " + type.Name + " has the derived type " + extra.Name + ", which the whole model's has not");
                }
            }
            else if (type != same)
            {
                differences.Add("the type " + type.Name + " differs");
            }
        }

        var operations = whole.Operations.ToDictionary(o => o.HttpMethod + " " + o.Path, StringComparer.Ordinal);
        foreach (var operation in part.Operations)
        {
            if (!operations.TryGetValue(operation.HttpMethod + " " + operation.Path, out var same))
            {
                differences.Add("the operation " + operation.MethodName + " is not in the whole model");
            }
            else
            {
                var helpersKept = same.LinkHelpers.Where(helper => part.Operations.Any(o => o.MethodName == helper.TargetMethodName)).ToEquatableArray();
                if (operation with { LinkHelpers = default } != same with { LinkHelpers = default } || operation.LinkHelpers != helpersKept)
                {
                    differences.Add("the operation " + operation.MethodName + " differs");
                }
            }
        }

        return differences;
    }
}
