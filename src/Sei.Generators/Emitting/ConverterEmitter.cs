namespace Sei.Generators.Emitting;

/// <summary>
/// Emitting, for JSON: one small contract struct per object and union, over the runtime's generic
/// contracts (System.Text.Json's own source generator cannot see types another generator emits).
/// Each member costs one line to read and one to write, with no lambda, no delegate and no local
/// per member: the bulk of the work (name lookup on UTF-8 bytes, required members, unknown members,
/// lists, maps, nullability, enumerations) is done by <c>Sei.Client.Json</c>, once, for every type.
/// Enumerations need no contract of their own. The structs are internal: they are plumbing, and the
/// types' <c>[JsonConverter]</c> attribute reaches them through the runtime's one converter.
/// </summary>
internal static class ConverterEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = SourceHeader.Start(context.Namespace + "." + GeneratedNames.SerializationNamespace);
        foreach (var declaration in context.Model.Types)
        {
            switch (declaration)
            {
                case ObjectDeclaration obj:
                    EmitObject(writer, context, obj);
                    writer.Line();
                    break;
                case UnionDeclaration union:
                    EmitUnion(writer, context, union);
                    writer.Line();
                    break;
            }
        }

        return writer.ToString();
    }

    private static string ContractHeader(EmitContext context, string name, string typeName)
        => "internal readonly struct " + name + " : " + KnownTypes.ISeiJsonContract + "<" + context.Qualified(typeName) + ">";

    private static void EmitObject(CodeWriter writer, EmitContext context, ObjectDeclaration obj)
    {
        writer.Open(ContractHeader(context, EmitContext.ContractDeclaration(obj.Name), obj.Name));
        if (obj.DerivedTypes.IsEmpty)
        {
            EmitMembers(writer, context, obj);
        }
        else
        {
            // The base of a hierarchy reads by discriminator and writes by runtime type; its own members
            // are read and written by the nested Members contract, which the derived types' contracts
            // do not reach (they list every member, inherited ones too).
            EmitDispatch(writer, context, obj);
            writer.Line();
            writer.Open(ContractHeader(context, "Members", obj.Name));
            EmitMembers(writer, context, obj);
            writer.Close();
        }

        writer.Close();
    }

    /// <summary>The contract that reads and writes exactly this type's members (its own and inherited ones).</summary>
    private static void EmitMembers(CodeWriter writer, EmitContext context, ObjectDeclaration obj)
    {
        var type = context.Qualified(obj.Name);
        var properties = obj.Properties;
        var required = properties.Select((p, i) => (p, i)).Where(x => x.p.IsRequired).Select(x => Index(x.i)).ToList();
        var requiredArray = required.Count == 0 ? KnownTypes.Array + ".Empty<int>()" : "new[] { " + string.Join(", ", required) + " }";
        var names = string.Concat(properties.Select(p => ", " + EmitContext.Literal(p.JsonName)));
        writer.Line("private static readonly " + KnownTypes.SeiJsonNames + " N = new(" + EmitContext.Literal(obj.Name) + ", " + requiredArray + names + ");");
        writer.Line();

        // Required members get placeholders the JSON overwrites; End checks that it did.
        writer.Open("public " + type + " Read(ref " + KnownTypes.Utf8JsonReader + " r)");
        var placeholders = properties.Where(p => p.IsRequired).Select(p => p.Name + " = default" + (p.Type.IsValueType && !p.Type.IsNullable ? string.Empty : "!"));
        writer.Line("var v = new " + type + " { " + string.Join(", ", placeholders) + " };");
        writer.Line("var s = N.Start(ref r);");
        writer.Open("while (N.Next(ref r, ref s, out var i))");
        writer.Open("switch (i)");
        for (var i = 0; i < properties.Count; i++)
        {
            writer.Line("case " + Index(i) + ": v." + properties[i].Name + " = " + context.Read(properties[i].Type, "r") + "; break;");
        }

        writer.Line("default: " + KnownTypes.SeiJsonObject + ".ReadUnknown" + context.WithContract(obj.AdditionalProperties) + "(ref r, ref v." + ModelEmitter.AdditionalField + ", ref s); break;");
        writer.Close();
        writer.Close();
        writer.Line("N.End(ref s);");
        writer.Line("return v;");
        writer.Close();
        writer.Line();

        writer.Open("public void Write(" + KnownTypes.Utf8JsonWriter + " w, " + type + " v)");
        writer.Line("w.WriteStartObject();");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var name = "w.WritePropertyName(N[" + Index(i) + "]); ";
            if (property.TracksExplicitNull)
            {
                // Assigned, even to null, is sent; never assigned is left out.
                writer.Line("if (v." + ModelEmitter.AssignedFlag(property) + ") { " + name + context.Write(property.Type, "v." + property.Name, "w") + " }");
            }
            else if (property.Type.IsNullable && !property.IsRequired)
            {
                // Optional members that are not set are left out rather than sent as null.
                var local = "p" + Index(i);
                writer.Line("if (v." + property.Name + " is { } " + local + ") { " + name + context.Write(property.Type.AsNullable(false), local, "w") + " }");
            }
            else
            {
                writer.Line(name + context.Write(property.Type, "v." + property.Name, "w"));
            }
        }

        writer.Line(KnownTypes.SeiJsonObject + ".WriteMembers" + context.WithContract(obj.AdditionalProperties) + "(w, v." + ModelEmitter.AdditionalField + ");");
        writer.Line("w.WriteEndObject();");
        writer.Close();
    }

    /// <summary>The contract of a hierarchy's base: the most derived type the discriminator names is read; the runtime type is written.</summary>
    private static void EmitDispatch(CodeWriter writer, EmitContext context, ObjectDeclaration obj)
    {
        var type = context.Qualified(obj.Name);
        var selectable = obj.DerivedTypes.Where(d => d.DiscriminatorValues.Count > 0).ToList();
        var cases = obj.DiscriminatorProperty is { } discriminator && selectable.Count > 0
            ? EmitDiscriminator(writer, discriminator, selectable.Select(d => d.DiscriminatorValues))
            : null;
        if (cases is not null)
        {
            writer.Line();
        }

        writer.Open("public " + type + " Read(ref " + KnownTypes.Utf8JsonReader + " r)");
        EmitDiscriminatorSwitch(writer, cases, i => OwnContract(context, selectable[i]) + ".Read(ref r)");

        var members = "default(" + context.ContractOf(obj.Name) + ".Members)";
        writer.Line("return " + members + ".Read(ref r);");
        writer.Close();
        writer.Line();
        writer.Open("public void Write(" + KnownTypes.Utf8JsonWriter + " w, " + type + " v)");
        for (var i = 0; i < obj.DerivedTypes.Count; i++)
        {
            var derived = obj.DerivedTypes[i];
            var local = "d" + Index(i);
            writer.Line("if (v is " + context.Qualified(derived.Name) + " " + local + ") { " + OwnContract(context, derived) + ".Write(w, " + local + "); return; }");
        }

        writer.Line(members + ".Write(w, v);");
        writer.Close();
    }

    /// <summary>The contract of a derived type's own members: most derived first means no second dispatch.</summary>
    private static string OwnContract(EmitContext context, DerivedTypeModel derived)
        => "default(" + context.ContractOf(derived.Name) + (derived.HasDerivedTypes ? ".Members" : string.Empty) + ")";

    private static void EmitUnion(CodeWriter writer, EmitContext context, UnionDeclaration union)
    {
        var type = context.Qualified(union.Name);
        writer.Open(ContractHeader(context, EmitContext.ContractDeclaration(union.Name), union.Name));
        var selectable = union.Variants.Where(v => v.DiscriminatorValues.Count > 0).ToList();
        var cases = union.DiscriminatorProperty is { } discriminator && selectable.Count > 0
            ? EmitDiscriminator(writer, discriminator, selectable.Select(v => v.DiscriminatorValues))
            : null;
        var fields = cases is not null;
        for (var i = 0; i < union.Variants.Count; i++)
        {
            if (RequiresMembers(union.Variants[i]))
            {
                writer.Line("private static readonly " + KnownTypes.SeiJsonMemberSet + " M" + Index(i) + " = new(" + string.Join(", ", union.Variants[i].RequiredJsonNames.Select(EmitContext.Literal)) + ");");
                fields = true;
            }
        }

        if (fields)
        {
            writer.Line();
        }

        writer.Open("public " + type + " Read(ref " + KnownTypes.Utf8JsonReader + " r)");
        EmitDiscriminatorSwitch(writer, cases, i => "new " + type + "(" + context.Read(selectable[i].Type, "r") + ")");

        // Each alternative is tried from a copy of the reader, so one that does not fit costs no re-read.
        for (var i = 0; i < union.Variants.Count; i++)
        {
            var variant = union.Variants[i];
            var local = "a" + Index(i);
            writer.Line("if (" + Matches(context, variant, i) + KnownTypes.SeiJsonObject + ".TryRead" + context.WithContract(variant.Type) + "(ref r, out var " + local + ")) return new " + type + "(" + local + ");");
        }

        writer.Line("return " + type + "." + GeneratedNames.FromJson + "(default(" + KnownTypes.SeiJsonElement + ").Read(ref r));");
        writer.Close();
        writer.Line();
        writer.Open("public void Write(" + KnownTypes.Utf8JsonWriter + " w, " + type + " v)");
        for (var i = 0; i < union.Variants.Count; i++)
        {
            var variant = union.Variants[i];
            var local = "a" + Index(i);
            writer.Line("if (v." + variant.Name + " is { } " + local + ") { " + context.Write(variant.Type.AsNullable(false), local, "w") + " return; }");
        }

        writer.Line(KnownTypes.SeiJsonWrite + ".Element(w, v." + GeneratedNames.UnknownJson + " ?? default);");
        writer.Close();
        writer.Close();
    }

    /// <summary>
    /// Emits the contract's discriminator field <c>D</c>, whose values are numbered in the order given
    /// (a value two choices share goes to the first), and returns each choice's <c>case</c> labels, empty
    /// when another choice took all its values.
    /// </summary>
    private static string[] EmitDiscriminator(CodeWriter writer, string propertyName, IEnumerable<EquatableArray<string>> valuesByChoice)
    {
        var numbered = new List<string>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var cases = new List<string>();
        foreach (var values in valuesByChoice)
        {
            var labels = string.Empty;
            foreach (var value in values.Where(seen.Add))
            {
                labels += "case " + Index(numbered.Count) + ": ";
                numbered.Add(value);
            }

            cases.Add(labels);
        }

        writer.Line("private static readonly " + KnownTypes.SeiJsonDiscriminator + " D = new(" + EmitContext.Literal(propertyName) + string.Concat(numbered.Select(v => ", " + EmitContext.Literal(v))) + ");");
        return cases.ToArray();
    }

    /// <summary>Emits <c>switch (D.Find(r))</c> returning, for each choice that kept a value, what <paramref name="read"/> spells for it.</summary>
    private static void EmitDiscriminatorSwitch(CodeWriter writer, string[]? cases, System.Func<int, string> read)
    {
        if (cases is null)
        {
            return;
        }

        writer.Open("switch (D.Find(r))");
        for (var i = 0; i < cases.Length; i++)
        {
            if (cases[i].Length > 0)
            {
                writer.Line(cases[i] + "return " + read(i) + ";");
            }
        }

        writer.Close();
    }

    private static bool RequiresMembers(UnionVariantModel variant)
        => variant.Type.Kind == TypeKind.Named && variant.Type.NamedKind == NamedKind.Object && variant.RequiredJsonNames.Count > 0;

    /// <summary>A cheap test of whether the token could start this alternative: its JSON kind, and for objects the required members (the contract's field <c>M</c><paramref name="index"/>).</summary>
    private static string Matches(EmitContext context, UnionVariantModel variant, int index)
    {
        const string Token = "r.TokenType == " + KnownTypes.JsonTokenType + ".";
        var type = variant.Type;
        switch (type.Kind)
        {
            case TypeKind.String or TypeKind.Guid or TypeKind.DateTime or TypeKind.Date or TypeKind.Uri or TypeKind.Bytes or TypeKind.File:
                return Token + "String && ";
            case TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal:
                return Token + "Number && ";
            case TypeKind.Boolean:
                return "(" + Token + "True || " + Token + "False) && ";
            case TypeKind.Array:
                return Token + "StartArray && ";
            case TypeKind.Map:
                return Token + "StartObject && ";
            case TypeKind.Named when type.NamedKind == NamedKind.Enum:
                return Token + (context.Find(type.Name!) is EnumDeclaration { IsInteger: true } ? "Number" : "String") + " && ";
            case TypeKind.Named when type.NamedKind == NamedKind.Object:
                return Token + "StartObject && " + (RequiresMembers(variant) ? "M" + Index(index) + ".AllIn(r) && " : string.Empty);
            default:
                return string.Empty;
        }
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
