using Microsoft.CodeAnalysis.CSharp;

namespace Sei.Generators.Emitting;

/// <summary>Facts about the consumer's compilation that change what is emitted, as equatable data (never the compilation itself).</summary>
internal sealed record TargetInfo(bool HasDateOnly, bool NeedsRequiredMemberPolyfill, bool NeedsCompilerFeaturePolyfill);

/// <summary>Spells model types in C#, and the JSON read and write code for them, for one client's namespace.</summary>
internal sealed class EmitContext
{
    /// <summary>Hides members that generated code needs but users should not call from IntelliSense.</summary>
    public const string HiddenAttribute = "[" + KnownTypes.EditorBrowsable + "(" + KnownTypes.EditorBrowsableState + ".Never)]";

    public const string GeneratedCodeAttribute = "[" + KnownTypes.GeneratedCode + "(\"Sei.Generators\", \"" + ThisAssembly.Version + "\")]";

    private System.Collections.Generic.Dictionary<string, TypeDeclaration>? _byName;

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

    /// <summary>The client's interface, fully qualified.</summary>
    public string Interface => Qualified(GeneratedNames.InterfaceOf(Model.ClientName));

    /// <summary>The JSON contract of a generated object or union, fully qualified (an internal struct in the Serialization namespace).</summary>
    public string ContractOf(string typeName) => "global::" + Namespace + "." + GeneratedNames.SerializationNamespace + "." + ContractDeclaration(typeName);

    /// <summary>The bare name of a contract struct, for its declaration only.</summary>
    public static string ContractDeclaration(string typeName) => typeName + "Json";

    /// <summary>The converter System.Text.Json uses for a generated type: the runtime's one converter over the type's contract.</summary>
    public string ConverterOf(string typeName) => KnownTypes.SeiJsonConverter + "<" + Qualified(typeName) + ", " + Contract(new TypeRef(TypeKind.Named, typeName, Find(typeName) switch
    {
        EnumDeclaration => NamedKind.Enum,
        UnionDeclaration => NamedKind.Union,
        _ => NamedKind.Object,
    })) + ">";

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

    /// <summary>A declared type by name; the table is built on first use, since a large document asks thousands of times.</summary>
    public TypeDeclaration? Find(string name)
    {
        _byName ??= Model.Types.GroupBy(t => t.Name, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), System.StringComparer.Ordinal);
        return _byName.TryGetValue(name, out var declaration) ? declaration : null;
    }

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>A name from the model as a C# identifier: a keyword (a parameter named <c>class</c>) gets '@'.</summary>
    public static string Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A character as a C# literal.</summary>
    public static string Literal(char value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A Boolean as a C# literal.</summary>
    public static string Literal(bool value) => value ? "true" : "false";

    /// <summary>The non-null value of an expression of the type: <c>.Value</c> on a nullable value type, the expression itself otherwise.</summary>
    public static string Unwrapped(TypeRef type, string expression) => type.IsNullable && type.IsValueType ? expression + ".Value" : expression;

    /// <summary>A member-access chain from <paramref name="root"/> that goes null-conditional after the first nullable member.</summary>
    /// <param name="root">The expression the chain starts from.</param>
    /// <param name="path">The members, in order.</param>
    /// <param name="nullable">Whether any member of the chain is nullable, so the result can be null.</param>
    /// <returns>The expression.</returns>
    public static string MemberAccess(string root, EquatableArray<MemberStep> path, out bool nullable)
    {
        var expression = root;
        nullable = false;
        foreach (var step in path)
        {
            expression += (nullable ? "?." : ".") + step.Name;
            nullable |= step.IsNullable;
        }

        return expression;
    }

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
        TypeKind.Guid => KnownTypes.Guid,
        TypeKind.DateTime => KnownTypes.DateTimeOffset,
        TypeKind.Date => Target.HasDateOnly ? KnownTypes.DateOnly : KnownTypes.DateTime,
        TypeKind.Uri => KnownTypes.Uri,
        TypeKind.Bytes => "byte[]",
        TypeKind.File => KnownTypes.SeiFile,
        TypeKind.Any => KnownTypes.JsonElement,
        TypeKind.Named => Qualified(type.Name!),
        TypeKind.Array => KnownTypes.IList + "<" + Spell(type.Element!) + ">",
        TypeKind.Map => KnownTypes.IDictionary + "<string, " + Spell(type.Element!) + ">",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Every kind of type has its spelling."),
    };

    /// <summary>
    /// The JSON contract of a type: a struct of the runtime's for primitives and shapes, composed by type
    /// arguments (<c>SeiJsonList&lt;T, TContract&gt;</c>), and the generated contract of a declared type.
    /// </summary>
    public string Contract(TypeRef type)
    {
        if (type.IsNullable)
        {
            var inner = type.AsNullable(false);
            return Runtime(inner.IsValueType ? "SeiJsonNullableValue" : "SeiJsonNullable") + "<" + Spell(inner) + ", " + Contract(inner) + ">";
        }

        return type.Kind switch
        {
            TypeKind.String => Runtime("SeiJsonString"),
            TypeKind.Boolean => Runtime("SeiJsonBoolean"),
            TypeKind.Int32 => Runtime("SeiJsonInt32"),
            TypeKind.Int64 => Runtime("SeiJsonInt64"),
            TypeKind.Single => Runtime("SeiJsonSingle"),
            TypeKind.Double => Runtime("SeiJsonDouble"),
            TypeKind.Decimal => Runtime("SeiJsonDecimal"),
            TypeKind.Guid => Runtime("SeiJsonGuid"),
            TypeKind.DateTime => Runtime("SeiJsonDateTimeOffset"),
            TypeKind.Date => Runtime(Target.HasDateOnly ? "SeiJsonDateOnly" : "SeiJsonDate"),
            TypeKind.Uri => Runtime("SeiJsonUri"),
            TypeKind.Bytes => Runtime("SeiJsonBytes"),
            TypeKind.File => Runtime("SeiJsonFile"),
            TypeKind.Named when type.NamedKind == NamedKind.Enum
                => Runtime(Find(type.Name!) is EnumDeclaration { IsInteger: true } ? "SeiJsonIntegerEnum" : "SeiJsonEnum") + "<" + Qualified(type.Name!) + ">",
            TypeKind.Named => ContractOf(type.Name!),
            TypeKind.Array => Runtime("SeiJsonList") + "<" + Spell(type.Element!) + ", " + Contract(type.Element!) + ">",
            TypeKind.Map => Runtime("SeiJsonMap") + "<" + Spell(type.Element!) + ", " + Contract(type.Element!) + ">",
            TypeKind.Any => Runtime("SeiJsonElement"),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Every kind of type has its contract."),
        };
    }

    /// <summary>
    /// An expression that reads a value of <paramref name="type"/> from the reader variable <paramref name="reader"/>.
    /// A scalar is read by the runtime's static reader of that type, which is what the contract struct
    /// would call: a plain call binds faster in the consumer's compiler than a generic struct's method,
    /// and members of scalar types are most of what a large document's contracts read.
    /// </summary>
    public string Read(TypeRef type, string reader)
    {
        var direct = ScalarReader(type);
        return direct is null
            ? "default(" + Contract(type) + ").Read(ref " + reader + ")"
            : Runtime("SeiJson") + "." + direct + "(ref " + reader + ")";
    }

    /// <summary>
    /// A statement that writes <paramref name="value"/> (of <paramref name="type"/>) with the writer variable
    /// <paramref name="writer"/>; a non-null scalar through the runtime's static writer, as <see cref="Read"/> does.
    /// </summary>
    public string Write(TypeRef type, string value, string writer)
    {
        var direct = ScalarWriter(type);
        return direct is null
            ? "default(" + Contract(type) + ").Write(" + writer + ", " + value + ");"
            : Runtime("SeiJsonWrite") + "." + direct + "(" + writer + ", " + value + ");";
    }

    /// <summary>The name of <c>SeiJson</c>'s reader of a scalar type, or null where the contract struct reads it.</summary>
    private string? ScalarReader(TypeRef type)
    {
        var reader = type.Kind switch
        {
            TypeKind.String => "ReadString",
            TypeKind.Boolean => "ReadBoolean",
            TypeKind.Int32 => "ReadInt32",
            TypeKind.Int64 => "ReadInt64",
            TypeKind.Single => "ReadSingle",
            TypeKind.Double => "ReadDouble",
            TypeKind.Decimal => "ReadDecimal",
            TypeKind.Guid => "ReadGuid",
            TypeKind.DateTime => "ReadDateTimeOffset",
            TypeKind.Date => Target.HasDateOnly ? "ReadDateOnly" : "ReadDate",
            TypeKind.Uri => "ReadUri",
            TypeKind.Bytes => "ReadBytes",
            TypeKind.File => "ReadFile",
            TypeKind.Any => "ReadElement",
            _ => null,
        };
        if (!type.IsNullable)
        {
            return reader;
        }

        // Nullable scalars that documents use often have an "OrNull" reader of their own; the rest go through SeiJsonNullableValue.
        return type.Kind is TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double
            or TypeKind.Decimal or TypeKind.Guid or TypeKind.DateTime or TypeKind.Uri
            ? reader + "OrNull"
            : null;
    }

    /// <summary>The name of <c>SeiJsonWrite</c>'s writer of a non-null scalar type, or null where the contract struct writes it.</summary>
    private static string? ScalarWriter(TypeRef type) => type.IsNullable ? null : type.Kind switch
    {
        TypeKind.String => "String",
        TypeKind.Boolean => "Boolean",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Single => "Single",
        TypeKind.Double => "Double",
        TypeKind.Decimal => "Decimal",
        TypeKind.DateTime => "DateTimeOffset",
        TypeKind.Date => "Date",
        TypeKind.Uri => "Uri",
        TypeKind.Bytes => "Bytes",
        TypeKind.File => "File",
        TypeKind.Any => "Element",
        _ => null,
    };

    /// <summary>Type arguments for the runtime's generic helpers: a type and its contract.</summary>
    public string WithContract(TypeRef type) => "<" + Spell(type) + ", " + Contract(type) + ">";

    /// <summary>An expression that writes a value later, when a body, part or field is built (an <c>Action&lt;Utf8JsonWriter&gt;</c>).</summary>
    public string Deferred(TypeRef type, string value) => Runtime("SeiJsonWrite") + ".Deferred" + WithContract(type) + "(" + value + ")";

    private static string Runtime(string name) => KnownTypes.SeiJsonNamespace + "." + name;

    /// <summary>An expression that formats a non-null scalar for a URL, header or cookie.</summary>
    public string Format(TypeRef type, string value)
    {
        return type.Kind switch
        {
            TypeKind.String => value,
            TypeKind.Date when !Target.HasDateOnly => KnownTypes.SeiFormat + ".FormatDate(" + value + ")",
            TypeKind.Named when type.NamedKind == NamedKind.Enum => value + "." + GeneratedNames.WireValue,
            TypeKind.Named or TypeKind.Map or TypeKind.Array or TypeKind.Any or TypeKind.File =>
                Runtime("SeiJsonWrite") + ".ToJsonString" + WithContract(type.AsNullable(false)) + "(" + value + ")",
            _ => KnownTypes.SeiFormat + ".Format(" + value + ")",
        };
    }
}
