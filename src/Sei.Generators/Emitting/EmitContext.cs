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

    /// <summary>
    /// A reference to a type this generator declares, fully qualified. This is the one place that
    /// spells such a reference: a document may name a property, an enumeration value or a parameter
    /// like any of its types (or like <c>System</c>, <c>Task</c> or the namespace itself), and only a
    /// <c>global::</c> name cannot be captured by one of them (CS0236, CS0120, CS0426). Emitters write
    /// a bare name only where a type is declared: its own declaration line and its constructors.
    /// </summary>
    public string Qualified(string typeName) => "global::" + Namespace + "." + typeName;

    /// <summary>The generated client class, fully qualified.</summary>
    public string Client => Qualified(Model.ClientName);

    /// <summary>The converter of a generated type, fully qualified.</summary>
    public string Converter(string typeName) => "global::" + Namespace + ".Serialization." + ConverterDeclaration(typeName);

    /// <summary>The bare name of a converter class, for its declaration only.</summary>
    public static string ConverterDeclaration(string typeName) => typeName + "JsonConverter";

    /// <summary>A static member of a generated type (an enumeration value), through the type's full name.</summary>
    public string Member(string typeName, string memberName) => Qualified(typeName) + "." + memberName;

    /// <summary>
    /// The C# constant for a default the document gives (see <see cref="PropertyModel.DefaultValue"/>):
    /// a literal of the property's type, or the enumeration member through its type's full name.
    /// </summary>
    public string Constant(TypeRef type, string value) => type.Kind switch
    {
        TypeKind.String => Literal(value),
        TypeKind.Boolean or TypeKind.Int32 => value,
        TypeKind.Int64 => value + "L",
        TypeKind.Single => value + "f",
        TypeKind.Double => value + "d",
        TypeKind.Decimal => value + "m",
        TypeKind.Named when type.NamedKind == NamedKind.Enum => Member(type.Name!, value),
        _ => throw new System.InvalidOperationException("Building records defaults only for strings, numbers, Booleans and enumerations, not for " + type.Kind + "."),
    };

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
