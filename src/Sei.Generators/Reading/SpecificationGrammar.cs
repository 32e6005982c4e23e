namespace Sei.Generators.Reading;

/// <summary>How a field holds its child objects.</summary>
internal enum Holding
{
    /// <summary>One object.</summary>
    One,

    /// <summary>A list of objects.</summary>
    List,

    /// <summary>A map from names the author chose to objects.</summary>
    Map,
}

/// <summary>A field whose value holds objects of the specification: their shape and how they are held.</summary>
internal sealed record Child(string Shape, Holding Holding);

/// <summary>
/// One kind of object of the specification: its fields, and which of them hold further objects.
/// Fields that hold plain values or data (examples, defaults, enumerations) have no child.
/// </summary>
internal sealed class ObjectShape
{
    public ObjectShape(string title, IEnumerable<string> fields, IDictionary<string, Child>? children = null, bool openEnded = false)
    {
        Title = title;
        Fields = new HashSet<string>(fields, StringComparer.Ordinal);
        Children = new Dictionary<string, Child>(children ?? new Dictionary<string, Child>(), StringComparer.Ordinal);
        foreach (var field in Children.Keys)
        {
            Fields.Add(field);
        }

        OpenEnded = openEnded;
    }

    /// <summary>The object as messages name it ("an operation").</summary>
    public string Title { get; }

    public HashSet<string> Fields { get; }

    public Dictionary<string, Child> Children { get; }

    /// <summary>Whether fields outside <see cref="Fields"/> are allowed: the keywords of a JSON Schema 2020-12 schema (OpenAPI 3.1) are open, unknown ones being annotations.</summary>
    public bool OpenEnded { get; }
}

/// <summary>
/// The fields of every object of Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1, as the three
/// specifications list them. It is the yardstick for unknown fields: Microsoft.OpenApi's own tables
/// lack some valid fields (an operation's <c>schemes</c> and a parameter's <c>maxItems</c> in 2.0),
/// and a valid document must get no diagnostic for them.
/// </summary>
internal static class SpecificationGrammar
{
    /// <summary>The shape of a document's root object.</summary>
    public const string Root = "root";

    /// <summary>Shapes that are maps of names to objects, and whether their keys may also be <c>x-</c> extensions.</summary>
    private static readonly Dictionary<string, bool> ExtensibleMaps = new(StringComparer.Ordinal)
    {
        ["paths"] = true,
        ["responses"] = true,
        ["callback"] = true,
    };

    private static readonly string[] Methods2 = { "get", "put", "post", "delete", "options", "head", "patch" };
    private static readonly string[] Methods3 = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private static readonly string[] Validation =
    {
        "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
    };

    private static readonly Dictionary<DocumentVersion, Dictionary<string, ObjectShape>> Shapes = new()
    {
        [DocumentVersion.Swagger2] = Swagger2(),
        [DocumentVersion.OpenApi30] = OpenApi3(isOpenApi31: false),
        [DocumentVersion.OpenApi31] = OpenApi3(isOpenApi31: true),
    };

    /// <summary>The shape of an object of a version; null for a map shape (see <see cref="IsMap"/>).</summary>
    public static ObjectShape? Shape(DocumentVersion version, string shape) => Shapes[version].TryGetValue(shape, out var found) ? found : null;

    /// <summary>Whether a shape is a map whose keys are names, and whether <c>x-</c> keys in it are extensions rather than names.</summary>
    public static bool IsMap(string shape, out string entryShape, out bool keysMayBeExtensions)
    {
        keysMayBeExtensions = ExtensibleMaps.TryGetValue(shape, out var extensible) && extensible;
        entryShape = shape switch
        {
            "paths" or "callback" => "pathItem",
            "responses" => "response",
            _ => string.Empty,
        };
        return entryShape.Length > 0;
    }

    private static Dictionary<string, Child> Of(params (string Field, string Shape, Holding Holding)[] children)
        => children.ToDictionary(c => c.Field, c => new Child(c.Shape, c.Holding), StringComparer.Ordinal);

    private static Dictionary<string, ObjectShape> Swagger2()
    {
        var shapes = new Dictionary<string, ObjectShape>(StringComparer.Ordinal)
        {
            [Root] = new("a Swagger 2.0 document", new[] { "swagger", "host", "basePath", "schemes", "consumes", "produces" }, Of(
                ("info", "info", Holding.One), ("paths", "paths", Holding.One), ("definitions", "schema", Holding.Map), ("parameters", "parameter", Holding.Map),
                ("responses", "response", Holding.Map), ("securityDefinitions", "securityScheme", Holding.Map), ("security", "securityRequirement", Holding.List),
                ("tags", "tag", Holding.List), ("externalDocs", "externalDocs", Holding.One))),
            ["info"] = new("an info object", new[] { "title", "description", "termsOfService", "version" }, Of(("contact", "contact", Holding.One), ("license", "license", Holding.One))),
            ["contact"] = new("a contact object", new[] { "name", "url", "email" }),
            ["license"] = new("a license object", new[] { "name", "url" }),
            ["pathItem"] = new("a path item", new[] { "$ref" }, Methods2.Select(m => (m, "operation", Holding.One)).Append(("parameters", "parameter", Holding.List)).ToDictionary(c => c.Item1, c => new Child(c.Item2, c.Item3))),
            ["operation"] = new("an operation", new[] { "tags", "summary", "description", "operationId", "consumes", "produces", "schemes", "deprecated" }, Of(
                ("externalDocs", "externalDocs", Holding.One), ("parameters", "parameter", Holding.List), ("responses", "responses", Holding.One), ("security", "securityRequirement", Holding.List))),
            ["externalDocs"] = new("an external documentation object", new[] { "description", "url" }),
            ["parameter"] = new("a parameter", new[] { "name", "in", "description", "required", "type", "format", "allowEmptyValue", "collectionFormat", "default" }.Concat(Validation), Of(
                ("schema", "schema", Holding.One), ("items", "items", Holding.One))),
            ["items"] = new("an items object", new[] { "type", "format", "collectionFormat", "default" }.Concat(Validation), Of(("items", "items", Holding.One))),
            ["response"] = new("a response", new[] { "description", "examples" }, Of(("schema", "schema", Holding.One), ("headers", "header", Holding.Map))),
            ["header"] = new("a header", new[] { "description", "type", "format", "collectionFormat", "default" }.Concat(Validation), Of(("items", "items", Holding.One))),
            ["tag"] = new("a tag", new[] { "name", "description" }, Of(("externalDocs", "externalDocs", Holding.One))),
            ["schema"] = new("a schema", new[]
            {
                "$ref", "format", "title", "description", "default", "maxProperties", "minProperties", "required", "type", "discriminator", "readOnly", "example",
            }.Concat(Validation), Of(
                ("items", "schema", Holding.One), ("allOf", "schema", Holding.List), ("properties", "schema", Holding.Map), ("additionalProperties", "schema", Holding.One),
                ("xml", "xml", Holding.One), ("externalDocs", "externalDocs", Holding.One))),
            ["xml"] = new("an XML object", new[] { "name", "namespace", "prefix", "attribute", "wrapped" }),
            ["securityScheme"] = new("a security scheme", new[] { "type", "description", "name", "in", "flow", "authorizationUrl", "tokenUrl", "scopes" }),
        };
        return shapes;
    }

    private static Dictionary<string, ObjectShape> OpenApi3(bool isOpenApi31)
    {
        var mediaChildren = Of(("schema", "schema", Holding.One), ("examples", "example", Holding.Map), ("encoding", "encoding", Holding.Map));
        var parameterFields = new[] { "description", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved", "example" };
        var parameterChildren = Of(("schema", "schema", Holding.One), ("examples", "example", Holding.Map), ("content", "mediaType", Holding.Map));
        var componentChildren = Of(
            ("schemas", "schema", Holding.Map), ("responses", "response", Holding.Map), ("parameters", "parameter", Holding.Map), ("examples", "example", Holding.Map),
            ("requestBodies", "requestBody", Holding.Map), ("headers", "header", Holding.Map), ("securitySchemes", "securityScheme", Holding.Map),
            ("links", "link", Holding.Map), ("callbacks", "callback", Holding.Map));
        var rootFields = new List<string> { "openapi" };
        var rootChildren = Of(
            ("info", "info", Holding.One), ("servers", "server", Holding.List), ("paths", "paths", Holding.One), ("components", "components", Holding.One),
            ("security", "securityRequirement", Holding.List), ("tags", "tag", Holding.List), ("externalDocs", "externalDocs", Holding.One));
        var infoFields = new List<string> { "title", "description", "termsOfService", "version" };
        var licenseFields = new List<string> { "name", "url" };
        if (isOpenApi31)
        {
            rootFields.Add("jsonSchemaDialect");
            rootChildren["webhooks"] = new Child("pathItem", Holding.Map);
            componentChildren["pathItems"] = new Child("pathItem", Holding.Map);
            infoFields.Add("summary");
            licenseFields.Add("identifier");
        }

        var pathItemChildren = Methods3.ToDictionary(m => m, _ => new Child("operation", Holding.One), StringComparer.Ordinal);
        pathItemChildren["servers"] = new Child("server", Holding.List);
        pathItemChildren["parameters"] = new Child("parameter", Holding.List);

        return new Dictionary<string, ObjectShape>(StringComparer.Ordinal)
        {
            [Root] = new(isOpenApi31 ? "an OpenAPI 3.1 document" : "an OpenAPI 3.0 document", rootFields, rootChildren),
            ["info"] = new("an info object", infoFields, Of(("contact", "contact", Holding.One), ("license", "license", Holding.One))),
            ["contact"] = new("a contact object", new[] { "name", "url", "email" }),
            ["license"] = new("a license object", licenseFields),
            ["server"] = new("a server", new[] { "url", "description" }, Of(("variables", "serverVariable", Holding.Map))),
            ["serverVariable"] = new("a server variable", new[] { "enum", "default", "description" }),
            ["components"] = new("the components object", Array.Empty<string>(), componentChildren),
            ["pathItem"] = new("a path item", new[] { "$ref", "summary", "description" }, pathItemChildren),
            ["operation"] = new("an operation", new[] { "tags", "summary", "description", "operationId", "deprecated" }, Of(
                ("externalDocs", "externalDocs", Holding.One), ("parameters", "parameter", Holding.List), ("requestBody", "requestBody", Holding.One),
                ("responses", "responses", Holding.One), ("callbacks", "callback", Holding.Map), ("security", "securityRequirement", Holding.List),
                ("servers", "server", Holding.List))),
            ["externalDocs"] = new("an external documentation object", new[] { "description", "url" }),
            ["parameter"] = new("a parameter", parameterFields.Concat(new[] { "name", "in" }), parameterChildren),
            ["requestBody"] = new("a request body", new[] { "description", "required" }, Of(("content", "mediaType", Holding.Map))),
            ["mediaType"] = new("a media type object", new[] { "example" }, mediaChildren),
            ["encoding"] = new("an encoding object", new[] { "contentType", "style", "explode", "allowReserved" }, Of(("headers", "header", Holding.Map))),
            ["response"] = new("a response", new[] { "description" }, Of(("headers", "header", Holding.Map), ("content", "mediaType", Holding.Map), ("links", "link", Holding.Map))),
            ["example"] = new("an example object", new[] { "summary", "description", "value", "externalValue" }),
            ["link"] = new("a link object", new[] { "operationRef", "operationId", "parameters", "requestBody", "description" }, Of(("server", "server", Holding.One))),
            ["header"] = new("a header", parameterFields, parameterChildren),
            ["tag"] = new("a tag", new[] { "name", "description" }, Of(("externalDocs", "externalDocs", Holding.One))),
            ["schema"] = isOpenApi31 ? Schema31() : Schema30(),
            ["discriminator"] = new("a discriminator object", new[] { "propertyName", "mapping" }),
            ["xml"] = new("an XML object", new[] { "name", "namespace", "prefix", "attribute", "wrapped" }),
            ["securityScheme"] = new("a security scheme", new[] { "type", "description", "name", "in", "scheme", "bearerFormat", "openIdConnectUrl" }, Of(("flows", "oauthFlows", Holding.One))),
            ["oauthFlows"] = new("an OAuth flows object", Array.Empty<string>(), Of(
                ("implicit", "oauthFlow", Holding.One), ("password", "oauthFlow", Holding.One), ("clientCredentials", "oauthFlow", Holding.One), ("authorizationCode", "oauthFlow", Holding.One))),
            ["oauthFlow"] = new("an OAuth flow object", new[] { "authorizationUrl", "tokenUrl", "refreshUrl", "scopes" }),
        };
    }

    private static ObjectShape Schema30() => new("a schema", new[]
    {
        "$ref", "title", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
        "uniqueItems", "maxProperties", "minProperties", "required", "enum", "type", "description", "format", "default", "nullable", "readOnly", "writeOnly", "example", "deprecated",
    }, Of(
        ("allOf", "schema", Holding.List), ("oneOf", "schema", Holding.List), ("anyOf", "schema", Holding.List), ("not", "schema", Holding.One), ("items", "schema", Holding.One),
        ("properties", "schema", Holding.Map), ("additionalProperties", "schema", Holding.One), ("discriminator", "discriminator", Holding.One), ("xml", "xml", Holding.One),
        ("externalDocs", "externalDocs", Holding.One)));

    /// <summary>A JSON Schema 2020-12 schema with OpenAPI's vocabulary: open-ended, but its subschemas are walked.</summary>
    private static ObjectShape Schema31() => new("a schema", Array.Empty<string>(), Of(
        ("allOf", "schema", Holding.List), ("oneOf", "schema", Holding.List), ("anyOf", "schema", Holding.List), ("prefixItems", "schema", Holding.List),
        ("not", "schema", Holding.One), ("items", "schema", Holding.One), ("contains", "schema", Holding.One), ("additionalProperties", "schema", Holding.One),
        ("unevaluatedItems", "schema", Holding.One), ("unevaluatedProperties", "schema", Holding.One), ("propertyNames", "schema", Holding.One),
        ("if", "schema", Holding.One), ("then", "schema", Holding.One), ("else", "schema", Holding.One), ("contentSchema", "schema", Holding.One),
        ("properties", "schema", Holding.Map), ("patternProperties", "schema", Holding.Map), ("$defs", "schema", Holding.Map), ("dependentSchemas", "schema", Holding.Map),
        ("discriminator", "discriminator", Holding.One), ("xml", "xml", Holding.One), ("externalDocs", "externalDocs", Holding.One)), openEnded: true);
}
