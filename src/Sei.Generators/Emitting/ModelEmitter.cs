namespace Sei.Generators.Emitting;

/// <summary>Emitting, for types: one partial class or struct per declaration, documented, with its converter attached.</summary>
internal static class ModelEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = SourceHeader.Start(context.Namespace);
        foreach (var declaration in context.Model.Types)
        {
            switch (declaration)
            {
                case ObjectDeclaration obj:
                    EmitObject(writer, context, obj);
                    break;
                case EnumDeclaration enumeration:
                    EmitEnum(writer, context, enumeration);
                    break;
                case UnionDeclaration union:
                    EmitUnion(writer, context, union);
                    break;
            }

            writer.Line();
        }

        return writer.ToString();
    }

    private static void TypeHeader(CodeWriter writer, EmitContext context, TypeDeclaration declaration, string fallbackSummary)
    {
        writer.Summary(declaration.Summary ?? fallbackSummary);
        Attributes(writer, context, declaration);
    }

    /// <summary>The attributes every generated type carries, on one line: [GeneratedCode], the converter, and [Obsolete] when deprecated.</summary>
    private static void Attributes(CodeWriter writer, EmitContext context, TypeDeclaration declaration)
    {
        var attributes = EmitContext.GeneratedCodeAttribute.TrimEnd(']') + ", " + KnownTypes.JsonConverter + "(typeof(" + context.ConverterOf(declaration.Name) + "))";
        if (declaration.IsDeprecated)
        {
            attributes += ", " + KnownTypes.Obsolete + "(\"The API document marks this schema as deprecated.\")";
        }

        writer.Line(attributes + "]");
    }

    private static void EmitObject(CodeWriter writer, EmitContext context, ObjectDeclaration obj)
    {
        TypeHeader(writer, context, obj, "The " + obj.Name + " schema of the API document.");
        var modifiers = obj.DerivedTypes.IsEmpty ? "public sealed partial class " : "public partial class ";
        var link = LinkMembers(obj);
        var bases = new System.Collections.Generic.List<string>();
        if (obj.BaseName is not null)
        {
            bases.Add(context.Qualified(obj.BaseName));
        }

        if (link is not null)
        {
            bases.Add(KnownTypes.ISeiLink);
        }

        writer.Open(modifiers + obj.Name + (bases.Count == 0 ? string.Empty : " : " + string.Join(", ", bases)));
        if (link is { } members)
        {
            // Explicit implementations need no documentation of their own; one line each.
            writer.Line("string? " + KnownTypes.ISeiLink + ".Rel => " + members.Rel.Name + ";");
            writer.Line("string? " + KnownTypes.ISeiLink + ".Href => " + members.Href.Name + (members.Href.Type.Kind == TypeKind.Uri ? "?.OriginalString" : string.Empty) + ";");
        }

        foreach (var property in obj.Properties.Where(p => !p.IsInherited))
        {
            var summary = property.Summary is null ? "Gets or sets the <c>" + CodeWriter.Xml(property.JsonName) + "</c> property." : CodeWriter.Xml(property.Summary);
            writer.Line("/// <summary>" + summary + "</summary>");
            if (property.IsReadOnly)
            {
                writer.Line("/// <remarks>Read-only: set by the server, and left out by well-behaved servers when sent.</remarks>");
            }
            else if (property.IsWriteOnly)
            {
                writer.Line("/// <remarks>Write-only: sent to the server, never returned by it.</remarks>");
            }
            else if (property.TracksExplicitNull)
            {
                writer.Line("/// <remarks>Left out of the JSON until assigned; assigning null sends null (for example to clear the value in a merge patch).</remarks>");
            }

            if (property.IsDeprecated && property.IsRequired)
            {
                // C# forbids [Obsolete] on required members (CS9042); the deprecation is still documented.
                writer.Line("/// <remarks>Deprecated by the API document.</remarks>");
            }
            else if (property.IsDeprecated)
            {
                writer.Line("[" + KnownTypes.Obsolete + "(\"The API document marks this property as deprecated.\")]");
            }

            var required = property.IsRequired ? "required " : string.Empty;
            var initializer = property.DefaultValue is null ? string.Empty : " = " + context.Constant(property.Type, property.DefaultValue) + ";";
            var type = context.Spell(property.Type);
            if (property.TracksExplicitNull)
            {
                // Assignment is remembered, so null is sent when set and nothing when never set.
                var field = BackingField(property);
                var flag = AssignedFlag(property);
                writer.Line("public " + type + " " + property.Name + " { get => " + field + "; set { " + field + " = value; " + flag + " = true; } }");
                writer.Line("private " + type + " " + field + ";");
                writer.Line(EmitContext.HiddenAttribute + " internal bool " + flag + ";");
            }
            else
            {
                writer.Line("public " + required + type + " " + property.Name + " { get; set; }" + initializer);
            }
        }

        if (obj.BaseName is not null)
        {
            // AdditionalProperties is declared once, by the root of the hierarchy.
            writer.Close();
            return;
        }

        // Created on first use: most objects have no member the document does not list, and reading
        // thousands of them should not cost a dictionary each.
        var additional = KnownTypes.IDictionary + "<string, " + context.Spell(obj.AdditionalProperties) + ">";
        writer.Summary("Gets or sets the members the API document does not list, as sent by the server; they are kept so nothing is lost when a newer server adds members.");
        writer.Line("public " + additional + " " + GeneratedNames.AdditionalProperties + " { get => " + AdditionalField + " ??= new " + KnownTypes.Dictionary + "<string, " + context.Spell(obj.AdditionalProperties) + ">(); set => " + AdditionalField + " = value; }");
        writer.Line(EmitContext.HiddenAttribute + " internal " + additional + "? " + AdditionalField + ";");
        writer.Close();
    }

    /// <summary>The field behind AdditionalProperties, null until a member is added; the contracts read and write it directly.</summary>
    public const string AdditionalField = "__additional";


    /// <summary>The field behind a property that remembers assignment.</summary>
    private static string BackingField(PropertyModel property) => "__" + property.Name;

    /// <summary>
    /// The flag that says a property was assigned. The underscore before "IsSet" keeps it apart from
    /// the field of a property the document names "...IsSet": member names never hold an underscore
    /// before a letter.
    /// </summary>
    public static string AssignedFlag(PropertyModel property) => "__" + property.Name + "_IsSet";

    /// <summary>The <c>rel</c> and <c>href</c> members that make an object a HATEOAS link, when it declares both itself.</summary>
    private static (PropertyModel Rel, PropertyModel Href)? LinkMembers(ObjectDeclaration obj)
    {
        var rel = obj.Properties.FirstOrDefault(p => p.JsonName == "rel" && p.Type.Kind == TypeKind.String && !p.IsInherited);
        var href = obj.Properties.FirstOrDefault(p => p.JsonName == "href" && p.Type.Kind is TypeKind.String or TypeKind.Uri && !p.IsInherited);
        return rel is null || href is null ? null : (rel, href);
    }

    /// <summary>
    /// An extensible enumeration as a readonly record struct: the compiler supplies == and !=, and the
    /// JSON contract is the runtime's, reached through the explicitly implemented ISeiEnum members.
    /// </summary>
    private static void EmitEnum(CodeWriter writer, EmitContext context, EnumDeclaration enumeration)
    {
        // The bare name declares the struct and its constructor; every reference to the type is qualified.
        var name = enumeration.Name;
        var type = context.Qualified(name);
        var integer = enumeration.IsInteger;
        var valueType = integer ? "long" : "string";
        var contract = (integer ? KnownTypes.ISeiIntegerEnum + "<" : KnownTypes.ISeiEnum + "<") + type + ">";
        writer.Summary(enumeration.Summary ?? "The " + name + " values of the API document.");
        writer.Line("/// <remarks>An extensible enumeration: a value a newer server adds is kept, not rejected; check <see cref=\"" + GeneratedNames.IsKnown + "\"/>.</remarks>");
        Attributes(writer, context, enumeration);
        writer.Open("public readonly partial record struct " + name + " : " + contract);
        writer.Line("private readonly " + valueType + (integer ? string.Empty : "?") + " _value;");
        writer.Summary("Initializes a new instance of the " + name + " struct with a value, known or not.");
        writer.Param("value", "The value as it travels on the wire.");
        writer.Line("public " + name + "(" + valueType + " value) => _value = " + (integer ? "value;" : "value ?? throw new " + KnownTypes.ArgumentNullException + "(nameof(value));"));
        foreach (var member in enumeration.Members)
        {
            writer.Line("/// <summary>The value <c>" + CodeWriter.Xml(member.WireValue) + "</c>.</summary>");
            var literal = integer ? member.WireValue + "L" : EmitContext.Literal(member.WireValue);
            writer.Line("public static " + type + " " + member.Name + " { get; } = new(" + literal + ");");
        }

        writer.Summary("Gets the values the API document lists.");
        writer.Line("public static " + KnownTypes.IReadOnlyList + "<" + type + "> " + GeneratedNames.KnownValues + " { get; } = new " + type + "[] { " + string.Join(", ", enumeration.Members.Select(m => m.Name)) + " };");
        if (integer)
        {
            writer.Summary("Gets the value as a number.");
            writer.Line("public long " + GeneratedNames.Value + " => _value;");
        }

        writer.Summary("Gets the value exactly as it travels on the wire, as text.");
        writer.Line(integer
            ? "public string " + GeneratedNames.WireValue + " => _value.ToString(" + KnownTypes.CultureInfo + ".InvariantCulture);"
            : "public string " + GeneratedNames.WireValue + " => _value ?? string.Empty;");
        writer.Summary("Gets a value indicating whether the API document lists this value.");
        if (enumeration.Members.Count == 0)
        {
            writer.Line("public bool " + GeneratedNames.IsKnown + " => false;");
        }
        else if (integer)
        {
            writer.Line("public bool " + GeneratedNames.IsKnown + " => _value is " + string.Join(" or ", enumeration.Members.Select(m => m.WireValue + "L")) + ";");
        }
        else
        {
            // A pattern over every string value compiles into a hashed switch per enumeration, which a
            // document with hundreds of them pays for in every build; the runtime's set is built once, when asked.
            writer.Line("public bool " + GeneratedNames.IsKnown + " => " + KnownTypes.SeiJsonEnum + "<" + type + ">.IsKnown(" + GeneratedNames.WireValue + ");");
        }

        writer.Summary("Creates a value from its wire value, known or not.");
        writer.Param("value", "The wire value.");
        writer.Line("public static explicit operator " + type + "(" + valueType + " value) => new(value);");
        writer.Line("/// <inheritdoc/>");
        writer.Line(integer ? "public bool Equals(" + type + " other) => _value == other._value;" : "public bool Equals(" + type + " other) => string.Equals(" + GeneratedNames.WireValue + ", other." + GeneratedNames.WireValue + ", " + KnownTypes.StringComparison + ".Ordinal);");
        writer.Line("/// <inheritdoc/>");
        writer.Line(integer ? "public override int GetHashCode() => _value.GetHashCode();" : "public override int GetHashCode() => " + KnownTypes.StringComparer + ".Ordinal.GetHashCode(" + GeneratedNames.WireValue + ");");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string ToString() => " + GeneratedNames.WireValue + ";");
        if (!integer)
        {
            writer.Line(KnownTypes.IReadOnlyList + "<" + type + "> " + contract + ".Known => " + GeneratedNames.KnownValues + ";");
        }

        writer.Line(type + " " + contract + ".Create(" + valueType + " value) => new(value);");
        writer.Close();
    }

    private static void EmitUnion(CodeWriter writer, EmitContext context, UnionDeclaration union)
    {
        // The bare name declares the class and its constructors; every reference to the type is qualified.
        var name = union.Name;
        var self = context.Qualified(name);
        TypeHeader(writer, context, union, "One of several shapes the API document allows (oneOf/anyOf).");
        writer.Open("public sealed partial class " + name);
        writer.Line("private " + name + "() { }");
        foreach (var variant in union.Variants)
        {
            var type = context.Spell(variant.Type);
            writer.Summary("Initializes a new instance of the " + name + " class holding a " + variant.Name + ".");
            writer.Param("value", "The value.");
            writer.Line("public " + name + "(" + type + " value) => " + (variant.Type.IsValueType ? variant.Name + " = value;" : variant.Name + " = value ?? throw new " + KnownTypes.ArgumentNullException + "(nameof(value));"));
        }

        foreach (var variant in union.Variants)
        {
            writer.Summary("Gets the value when it is a " + variant.Name + "; otherwise null.");
            writer.Line("public " + context.Spell(variant.Type.AsNullable()) + " " + variant.Name + " { get; }");
        }

        writer.Summary("Gets the JSON as received when it matched none of the alternatives the document lists; otherwise null.");
        writer.Line("public " + KnownTypes.JsonElement + "? " + GeneratedNames.UnknownJson + " { get; private set; }");
        writer.Summary("Gets whichever value is set, or the unknown JSON.");
        var values = union.Variants.Select(v => "(object?)" + v.Name).Concat(new[] { GeneratedNames.UnknownJson });
        writer.Line("public object? " + GeneratedNames.Value + " => " + string.Join(" ?? ", values) + ";");
        writer.Summary("Creates a value from JSON that matched none of the alternatives the document lists.");
        writer.Param("json", "The JSON as received.");
        writer.Line("/// <returns>The value.</returns>");
        writer.Line("public static " + self + " " + GeneratedNames.FromJson + "(" + KnownTypes.JsonElement + " json) => new " + self + " { " + GeneratedNames.UnknownJson + " = json.Clone() };");
        foreach (var variant in union.Variants.Where(v => v.Type.Kind is not (TypeKind.Array or TypeKind.Map or TypeKind.Any)))
        {
            writer.Summary("Wraps a " + variant.Name + ".");
            writer.Param("value", "The value.");
            writer.Line("public static implicit operator " + self + "(" + context.Spell(variant.Type) + " value) => new " + self + "(value);");
        }

        writer.Close();
    }
}
