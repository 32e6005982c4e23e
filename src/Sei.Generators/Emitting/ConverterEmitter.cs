using System.Globalization;
using System.Linq;
using Sei.Generators.Model;

namespace Sei.Generators.Emitting;

/// <summary>
/// Emitting, for JSON: one reflection-free converter per declared type. System.Text.Json's own
/// source generator cannot see types another generator emits, so the read and write code is
/// written here, over <c>Utf8JsonReader</c> and <c>Utf8JsonWriter</c>: trim- and AOT-safe.
/// </summary>
internal static class ConverterEmitter
{
    public static string Emit(EmitContext context)
    {
        var writer = SourceHeader.Start(context.Namespace + ".Serialization");
        foreach (var declaration in context.Model.Types)
        {
            var type = context.Qualified(declaration.Name);
            var converter = EmitContext.ConverterDeclaration(declaration.Name);
            writer.Summary("Reads and writes " + declaration.Name + " as JSON without reflection.");
            writer.Line(EmitContext.GeneratedCodeAttribute);
            writer.Open("public sealed class " + converter + " : global::System.Text.Json.Serialization.JsonConverter<" + type + ">");
            writer.Line("/// <inheritdoc/>");
            writer.Line("public override " + type + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + type + " value, global::System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);");
            writer.Line();
            switch (declaration)
            {
                case ObjectDeclaration obj:
                    EmitObject(writer, context, obj, type);
                    break;
                case EnumDeclaration enumeration:
                    EmitEnum(writer, enumeration, type);
                    break;
                case UnionDeclaration union:
                    EmitUnion(writer, context, union, type);
                    break;
            }

            writer.Close();
            writer.Line();
        }

        return writer.ToString();
    }

    private static void ReadHeader(CodeWriter writer, string type)
    {
        writer.Summary("Reads one value, starting at the reader's current token.");
        writer.Line("/// <param name=\"reader\">The reader, on the value's first token.</param>");
        writer.Line("/// <returns>The value.</returns>");
    }

    private static void WriteHeader(CodeWriter writer, string type, string methodName = "WriteValue")
    {
        writer.Summary(methodName == "WriteValue" ? "Writes one value." : "Writes the members this type declares or inherits, whatever the runtime type.");
        writer.Line("/// <param name=\"writer\">The writer.</param>");
        writer.Line("/// <param name=\"value\">The value.</param>");
        writer.Open("public static void " + methodName + "(global::System.Text.Json.Utf8JsonWriter writer, " + type + " value)");
        writer.Line("if (value is null) throw new global::System.ArgumentNullException(nameof(value));");
    }

    private static void EmitObject(CodeWriter writer, EmitContext context, ObjectDeclaration obj, string type)
    {
        var properties = obj.Properties;
        var polymorphic = !obj.DerivedTypes.IsEmpty;
        if (polymorphic)
        {
            EmitPolymorphicEntryPoints(writer, context, obj, type);
        }

        ReadHeader(writer, type);
        writer.Open("public static " + type + " " + (polymorphic ? "ReadObject" : "ReadValue") + "(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.Line("global::Sei.Client.Json.SeiJson.ExpectStartObject(ref reader, " + EmitContext.Literal(obj.Name) + ");");
        for (var i = 0; i < properties.Count; i++)
        {
            writer.Line(context.Spell(properties[i].Type) + " __p" + Index(i) + " = default!;");
            writer.Line("bool __has" + Index(i) + " = false;");
        }

        var additional = context.Spell(obj.AdditionalProperties);
        writer.Line("global::System.Collections.Generic.Dictionary<string, " + additional + ">? __additional = null;");
        writer.Open("while (true)");
        writer.Line("global::Sei.Client.Json.SeiJson.MoveToValue(ref reader);");
        writer.Line("if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject) break;");
        writer.Line("var __name = reader.GetString()!;");
        writer.Line("global::Sei.Client.Json.SeiJson.MoveToValue(ref reader);");
        writer.Open("switch (__name)");
        for (var i = 0; i < properties.Count; i++)
        {
            writer.Line("case " + EmitContext.Literal(properties[i].JsonName) + ":");
            writer.Indent();
            writer.Line("__p" + Index(i) + " = " + context.Read(properties[i].Type, "reader") + ";");
            writer.Line("__has" + Index(i) + " = true;");
            writer.Line("break;");
            writer.Outdent();
        }

        writer.Line("default:");
        writer.Indent();
        writer.Line("(__additional ??= new global::System.Collections.Generic.Dictionary<string, " + additional + ">())[__name] = " + context.Read(obj.AdditionalProperties, "reader") + ";");
        writer.Line("break;");
        writer.Outdent();
        writer.Close();
        writer.Close();
        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].IsRequired)
            {
                writer.Line("if (!__has" + Index(i) + ") throw global::Sei.Client.Json.SeiJson.MissingRequiredProperty(" + EmitContext.Literal(obj.Name) + ", " + EmitContext.Literal(properties[i].JsonName) + ");");
            }
        }

        var initializers = properties.Select((p, i) => (p, i)).Where(x => x.p.IsRequired).Select(x => x.p.Name + " = __p" + Index(x.i));
        writer.Line("var __result = new " + type + " { " + string.Join(", ", initializers) + " };");
        for (var i = 0; i < properties.Count; i++)
        {
            if (!properties[i].IsRequired)
            {
                writer.Line("if (__has" + Index(i) + ") __result." + properties[i].Name + " = __p" + Index(i) + ";");
            }
        }

        writer.Line("if (__additional is not null) __result.AdditionalProperties = __additional;");
        writer.Line("return __result;");
        writer.Close();
        writer.Line();

        WriteHeader(writer, type, polymorphic ? "WriteObject" : "WriteValue");
        writer.Line("writer.WriteStartObject();");
        foreach (var property in properties)
        {
            var access = "value." + property.Name;
            var write = "writer.WritePropertyName(" + EmitContext.Literal(property.JsonName) + "); " + context.Write(property.Type, access, "writer");
            if (property.TracksExplicitNull)
            {
                writer.Line("if (value." + ModelEmitter.AssignedFlag(property) + ") { " + write + " }");
            }
            else if (property.Type.IsNullable && !property.IsRequired)
            {
                // Optional members that are not set are left out rather than sent as null.
                var unwrapped = property.Type.IsValueType ? access + ".Value" : access;
                writer.Line("if (" + access + " is not null) { writer.WritePropertyName(" + EmitContext.Literal(property.JsonName) + "); " + context.Write(property.Type.AsNullable(false), unwrapped, "writer") + " }");
            }
            else
            {
                writer.Line(write);
            }
        }

        writer.Open("foreach (var __pair in value.AdditionalProperties)");
        writer.Line("writer.WritePropertyName(__pair.Key);");
        writer.Line(context.Write(obj.AdditionalProperties, "__pair.Value", "writer"));
        writer.Close();
        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    /// <summary>
    /// The base of a hierarchy reads by discriminator (falling back to the base itself for values it
    /// does not know) and writes by runtime type, most derived first.
    /// </summary>
    private static void EmitPolymorphicEntryPoints(CodeWriter writer, EmitContext context, ObjectDeclaration obj, string type)
    {
        ReadHeader(writer, type);
        writer.Open("public static " + type + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
        var selectable = obj.DerivedTypes.Where(d => d.DiscriminatorValues.Count > 0).ToList();
        if (obj.DiscriminatorProperty is { } discriminator && selectable.Count > 0)
        {
            writer.Line("var __json = global::Sei.Client.Json.SeiJson.ReadElement(ref reader);");
            writer.Open("if (__json.ValueKind == global::System.Text.Json.JsonValueKind.Object && __json.TryGetProperty(" + EmitContext.Literal(discriminator) + ", out var __kind) && __kind.ValueKind == global::System.Text.Json.JsonValueKind.String)");
            writer.Open("switch (__kind.GetString())");
            var seen = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var derived in selectable)
            {
                var values = derived.DiscriminatorValues.Where(seen.Add).ToList();
                if (values.Count == 0)
                {
                    continue;
                }

                foreach (var value in values)
                {
                    writer.Line("case " + EmitContext.Literal(value) + ":");
                }

                writer.Line("    return global::Sei.Client.Json.SeiJson.ReadFromElement(__json, " + context.Converter(derived.Name) + "." + (derived.HasDerivedTypes ? "ReadObject" : "ReadValue") + ");");
            }

            writer.Close();
            writer.Close();
            writer.Line("return global::Sei.Client.Json.SeiJson.ReadFromElement(__json, ReadObject);");
        }
        else
        {
            writer.Line("return ReadObject(ref reader);");
        }

        writer.Close();
        writer.Line();

        WriteHeader(writer, type);
        foreach (var derived in obj.DerivedTypes)
        {
            var local = "__" + derived.Name;
            writer.Line("if (value is " + context.Qualified(derived.Name) + " " + local + ") { " + context.Converter(derived.Name) + "." + (derived.HasDerivedTypes ? "WriteObject" : "WriteValue") + "(writer, " + local + "); return; }");
        }

        writer.Line("WriteObject(writer, value);");
        writer.Close();
        writer.Line();
    }

    private static void EmitEnum(CodeWriter writer, EnumDeclaration enumeration, string type)
    {
        ReadHeader(writer, type);
        writer.Line("public static " + type + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader) => new " + type + "(global::Sei.Client.Json.SeiJson." + (enumeration.IsInteger ? "ReadInt64" : "ReadString") + "(ref reader));");
        writer.Line();
        writer.Summary("Writes one value.");
        writer.Line("/// <param name=\"writer\">The writer.</param>");
        writer.Line("/// <param name=\"value\">The value.</param>");
        writer.Line("public static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, " + type + " value) => writer." + (enumeration.IsInteger ? "WriteNumberValue(value.Value)" : "WriteStringValue(value.WireValue)") + ";");
    }

    private static void EmitUnion(CodeWriter writer, EmitContext context, UnionDeclaration union, string type)
    {
        ReadHeader(writer, type);
        writer.Open("public static " + type + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.Line("var __json = global::Sei.Client.Json.SeiJson.ReadElement(ref reader);");
        if (union.DiscriminatorProperty is { } discriminator && union.Variants.Any(v => v.DiscriminatorValues.Count > 0))
        {
            writer.Open("if (__json.ValueKind == global::System.Text.Json.JsonValueKind.Object && __json.TryGetProperty(" + EmitContext.Literal(discriminator) + ", out var __kind) && __kind.ValueKind == global::System.Text.Json.JsonValueKind.String)");
            writer.Open("switch (__kind.GetString())");
            foreach (var variant in union.Variants.Where(v => v.DiscriminatorValues.Count > 0))
            {
                foreach (var value in variant.DiscriminatorValues)
                {
                    writer.Line("case " + EmitContext.Literal(value) + ":");
                }

                writer.Line("    return new " + type + "(global::Sei.Client.Json.SeiJson.ReadFromElement(__json, " + context.ReadLambda(variant.Type) + "));");
            }

            writer.Close();
            writer.Close();
        }

        foreach (var variant in union.Variants)
        {
            writer.Open("if (" + Matches(context, variant) + ")");
            writer.Open("try");
            writer.Line("return new " + type + "(global::Sei.Client.Json.SeiJson.ReadFromElement(__json, " + context.ReadLambda(variant.Type) + "));");
            writer.Close();
            writer.Open("catch (global::System.Exception __exception) when (__exception is global::System.Text.Json.JsonException or global::System.FormatException or global::System.InvalidOperationException or global::System.OverflowException)");
            writer.Line("// The JSON looked like this alternative but is not; the next one may fit.");
            writer.Close();
            writer.Close();
        }

        writer.Line("return " + type + ".FromJson(__json);");
        writer.Close();
        writer.Line();

        WriteHeader(writer, type);
        foreach (var variant in union.Variants)
        {
            var access = "value." + variant.Name;
            var unwrapped = variant.Type.IsValueType ? access + ".Value" : access;
            writer.Line("if (" + access + " is not null) { " + context.Write(variant.Type.AsNullable(false), unwrapped, "writer") + " return; }");
        }

        writer.Line("global::Sei.Client.Json.SeiJsonWrite.Element(writer, value.UnknownJson ?? default);");
        writer.Close();
    }

    /// <summary>A cheap test of whether JSON could be this alternative: its JSON kind, and for objects the required members.</summary>
    private static string Matches(EmitContext context, UnionVariantModel variant)
    {
        const string Kind = "__json.ValueKind == global::System.Text.Json.JsonValueKind.";
        var type = variant.Type;
        switch (type.Kind)
        {
            case TypeKind.String or TypeKind.Guid or TypeKind.DateTime or TypeKind.Date or TypeKind.Uri or TypeKind.Bytes or TypeKind.File:
                return Kind + "String";
            case TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal:
                return Kind + "Number";
            case TypeKind.Boolean:
                return "(" + Kind + "True || " + Kind + "False)";
            case TypeKind.Array:
                return Kind + "Array";
            case TypeKind.Map:
                return Kind + "Object";
            case TypeKind.Named when type.NamedKind == NamedKind.Enum:
                return context.Find(type.Name!) is EnumDeclaration { IsInteger: true } ? Kind + "Number" : Kind + "String";
            case TypeKind.Named when type.NamedKind == NamedKind.Object:
                var required = variant.RequiredJsonNames.Select(n => " && __json.TryGetProperty(" + EmitContext.Literal(n) + ", out _)");
                return Kind + "Object" + string.Concat(required);
            default:
                return "__json.ValueKind != global::System.Text.Json.JsonValueKind.Undefined";
        }
    }

    private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
