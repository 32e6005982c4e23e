namespace Sei.Client.Http;

/// <summary>
/// Flattens values into form fields (for <c>application/x-www-form-urlencoded</c> and the text
/// parts of <c>multipart/form-data</c>): arrays repeat the field name, nested objects use
/// brackets (<c>card[number]</c>, <c>items[0][price]</c>), and nulls are left out.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SeiForm
{
    /// <summary>Adds the fields for one property, written as JSON by generated code and then flattened.</summary>
    /// <param name="fields">The fields collected so far.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="write">Writes the property's value as JSON.</param>
    public static void Add(List<KeyValuePair<string, string?>> fields, string name, Action<Utf8JsonWriter> write)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        using var document = JsonDocument.Parse(Json.SeiJsonWrite.ToBytes(write));
        Flatten(fields, name, document.RootElement, topLevel: true);
    }

    /// <summary>Adds the fields for a value that is already JSON.</summary>
    /// <param name="fields">The fields collected so far.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void Add(List<KeyValuePair<string, string?>> fields, string name, JsonElement value)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        Flatten(fields, name, value, topLevel: true);
    }

    /// <summary>
    /// Adds the fields of a property whose <c>encoding</c> names a style (or whose Swagger 2.0
    /// <c>collectionFormat</c> does): <c>form</c> (<c>tags=a,b</c>, exploded <c>tags=a&amp;tags=b</c>),
    /// <c>spaceDelimited</c>, <c>pipeDelimited</c>, tab-separated, or <c>deepObject</c> (<c>card[number]=...</c>).
    /// </summary>
    /// <param name="fields">The fields collected so far.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value, already formatted; <see langword="null"/> adds nothing.</param>
    /// <param name="style">The declared style.</param>
    /// <param name="explode">The declared <c>explode</c> flag.</param>
    public static void AddStyled(List<KeyValuePair<string, string?>> fields, string name, SeiParameterValue? value, SeiParameterStyle style, bool explode)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        if (value is null)
        {
            return;
        }

        foreach (var field in SeiStyleWriter.FormFields(name, value, style, explode))
        {
            fields.Add(new KeyValuePair<string, string?>(field.Key, field.Value));
        }
    }

    /// <summary>Adds one field whose value is JSON text, for a property whose <c>encoding</c> declares <c>application/json</c>.</summary>
    /// <param name="fields">The fields collected so far.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="write">Writes the property's value as JSON.</param>
    public static void AddJson(List<KeyValuePair<string, string?>> fields, string name, Action<Utf8JsonWriter> write)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        fields.Add(new KeyValuePair<string, string?>(name, Json.SeiJsonWrite.ToJsonString(write, static (writer, writeValue) => writeValue(writer))));
    }

    private static void Flatten(List<KeyValuePair<string, string?>> fields, string name, JsonElement value, bool topLevel)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Flatten(fields, name + "[" + property.Name + "]", property.Value, topLevel: false);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    // A top-level array of scalars repeats the name (OpenAPI's form style, exploded); anything nested is indexed.
                    var itemName = topLevel && item.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)
                        ? name
                        : name + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
                    Flatten(fields, itemName, item, topLevel: false);
                    index++;
                }

                break;
            case JsonValueKind.String:
                fields.Add(new KeyValuePair<string, string?>(name, value.GetString()));
                break;
            case JsonValueKind.Number:
                fields.Add(new KeyValuePair<string, string?>(name, value.GetRawText()));
                break;
            case JsonValueKind.True:
                fields.Add(new KeyValuePair<string, string?>(name, "true"));
                break;
            case JsonValueKind.False:
                fields.Add(new KeyValuePair<string, string?>(name, "false"));
                break;
        }
    }
}
