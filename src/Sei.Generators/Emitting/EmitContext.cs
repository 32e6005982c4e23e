using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Sei.Generators.Model;

namespace Sei.Generators.Emitting;

/// <summary>Facts about the consumer's compilation that change what is emitted, as equatable data (never the compilation itself).</summary>
internal sealed record TargetInfo(bool HasDateOnly, bool NeedsRequiredMemberPolyfill, bool NeedsCompilerFeaturePolyfill);

/// <summary>Spells model types in C#, and the JSON read and write code for them, for one client's namespace.</summary>
internal sealed class EmitContext
{
    public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"Sei.Generators\", \"" + ThisAssembly.Version + "\")]";

    public EmitContext(ClientModel model, TargetInfo target)
    {
        Model = model;
        Target = target;
    }

    public ClientModel Model { get; }

    public TargetInfo Target { get; }

    public string Namespace => Model.Namespace;

    public string Qualified(string typeName) => "global::" + Namespace + "." + typeName;

    public string Converter(string typeName) => "global::" + Namespace + ".Serialization." + typeName + "JsonConverter";

    public TypeDeclaration? Find(string name) => Model.Types.FirstOrDefault(t => t.Name == name);

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    public string Spell(TypeRef type) => SpellCore(type) + (type.IsNullable ? "?" : string.Empty);

    private string SpellCore(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Single => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.DateTime => "global::System.DateTimeOffset",
        TypeKind.Date => Target.HasDateOnly ? "global::System.DateOnly" : "global::System.DateTime",
        TypeKind.Uri => "global::System.Uri",
        TypeKind.Bytes => "byte[]",
        TypeKind.File => "global::Sei.Client.SeiFile",
        TypeKind.Any => "global::System.Text.Json.JsonElement",
        TypeKind.Named => Qualified(type.Name!),
        TypeKind.Array => "global::System.Collections.Generic.IList<" + Spell(type.Element!) + ">",
        TypeKind.Map => "global::System.Collections.Generic.IDictionary<string, " + Spell(type.Element!) + ">",
        _ => "global::System.Text.Json.JsonElement",
    };

    /// <summary>An expression that reads a value of <paramref name="type"/> from the reader variable <paramref name="reader"/>.</summary>
    public string Read(TypeRef type, string reader, int depth = 0)
    {
        var core = type.Kind switch
        {
            TypeKind.String => Json("ReadString", reader),
            TypeKind.Boolean => Json("ReadBoolean", reader),
            TypeKind.Int32 => Json("ReadInt32", reader),
            TypeKind.Int64 => Json("ReadInt64", reader),
            TypeKind.Single => Json("ReadSingle", reader),
            TypeKind.Double => Json("ReadDouble", reader),
            TypeKind.Decimal => Json("ReadDecimal", reader),
            TypeKind.Guid => Json("ReadGuid", reader),
            TypeKind.DateTime => Json("ReadDateTimeOffset", reader),
            TypeKind.Date => Json(Target.HasDateOnly ? "ReadDateOnly" : "ReadDate", reader),
            TypeKind.Uri => Json("ReadUri", reader),
            TypeKind.Bytes => Json("ReadBytes", reader),
            TypeKind.File => Json("ReadFile", reader),
            TypeKind.Named => Converter(type.Name!) + ".ReadValue(ref " + reader + ")",
            TypeKind.Array => "global::Sei.Client.Json.SeiJson.ReadList<" + Spell(type.Element!) + ">(ref " + reader + ", " + ReadLambda(type.Element!, depth + 1) + ")",
            TypeKind.Map => "global::Sei.Client.Json.SeiJson.ReadDictionary<" + Spell(type.Element!) + ">(ref " + reader + ", " + ReadLambda(type.Element!, depth + 1) + ")",
            _ => Json("ReadElement", reader),
        };
        return type.IsNullable
            ? "(" + reader + ".TokenType == global::System.Text.Json.JsonTokenType.Null ? default(" + Spell(type) + ") : " + core + ")"
            : core;
    }

    /// <summary>A static lambda usable as <c>SeiJsonReadFunc&lt;T&gt;</c>.</summary>
    public string ReadLambda(TypeRef type, int depth = 0)
    {
        var reader = "__r" + depth;
        return "static (ref global::System.Text.Json.Utf8JsonReader " + reader + ") => " + Read(type, reader, depth);
    }

    /// <summary>A statement that writes <paramref name="value"/> (of <paramref name="type"/>) with the writer variable <paramref name="writer"/>.</summary>
    public string Write(TypeRef type, string value, string writer, int depth = 0)
    {
        if (type.IsNullable)
        {
            var inner = type.AsNullable(false);
            var unwrapped = type.IsValueType ? value + ".Value" : value;
            return "if (" + value + " is null) { " + writer + ".WriteNullValue(); } else { " + Write(inner, unwrapped, writer, depth) + " }";
        }

        var item = "__item" + depth;
        var itemWriter = "__w" + depth;
        return type.Kind switch
        {
            TypeKind.String => writer + ".WriteStringValue(" + value + ");",
            TypeKind.Boolean => writer + ".WriteBooleanValue(" + value + ");",
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Decimal => writer + ".WriteNumberValue(" + value + ");",
            TypeKind.Single => JsonWrite("Single", writer, value),
            TypeKind.Double => JsonWrite("Double", writer, value),
            TypeKind.Guid => JsonWrite("Guid", writer, value),
            TypeKind.DateTime => JsonWrite("DateTimeOffset", writer, value),
            TypeKind.Date => JsonWrite("Date", writer, value),
            TypeKind.Uri => JsonWrite("Uri", writer, value),
            TypeKind.Bytes => JsonWrite("Bytes", writer, value),
            TypeKind.File => JsonWrite("File", writer, value),
            TypeKind.Named => Converter(type.Name!) + ".WriteValue(" + writer + ", " + value + ");",
            TypeKind.Array => "global::Sei.Client.Json.SeiJsonWrite.List(" + writer + ", " + value + ", static (" + itemWriter + ", " + item + ") => { " + Write(type.Element!, item, itemWriter, depth + 1) + " });",
            TypeKind.Map => "global::Sei.Client.Json.SeiJsonWrite.Dictionary(" + writer + ", " + value + ", static (" + itemWriter + ", " + item + ") => { " + Write(type.Element!, item, itemWriter, depth + 1) + " });",
            _ => JsonWrite("Element", writer, value),
        };
    }

    /// <summary>An expression that formats a non-null scalar for a URL, header or cookie.</summary>
    public string Format(TypeRef type, string value)
    {
        return type.Kind switch
        {
            TypeKind.String => value,
            TypeKind.Date when !Target.HasDateOnly => "global::Sei.Client.Http.SeiFormat.FormatDate(" + value + ")",
            TypeKind.Named when type.NamedKind == NamedKind.Enum => value + ".WireValue",
            TypeKind.Named or TypeKind.Map or TypeKind.Array or TypeKind.Any or TypeKind.File =>
                "global::Sei.Client.Json.SeiJsonWrite.ToJsonString(" + value + ", static (__w, __v) => { " + Write(type.AsNullable(false), "__v", "__w", 1) + " })",
            _ => "global::Sei.Client.Http.SeiFormat.Format(" + value + ")",
        };
    }

    private static string Json(string method, string reader) => "global::Sei.Client.Json.SeiJson." + method + "(ref " + reader + ")";

    private static string JsonWrite(string method, string writer, string value) => "global::Sei.Client.Json.SeiJsonWrite." + method + "(" + writer + ", " + value + ");";
}
