using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Sei.Sandbox.Http;

/// <summary>
/// Reads typed properties from a JSON object body and records a field error for each one that
/// does not match its schema. Nested objects get their own reader, and their errors name the
/// field by path (<c>owner.name</c>).
/// </summary>
internal sealed partial class JsonBodyReader
{
    private readonly JsonElement _object;
    private readonly string _prefix;
    private readonly Validation _validation;

    /// <summary>Initializes a new instance of the <see cref="JsonBodyReader"/> class.</summary>
    /// <param name="jsonObject">The object to read.</param>
    /// <param name="prefix">The object's path in the body, empty for the body itself.</param>
    /// <param name="validation">Where errors are recorded.</param>
    public JsonBodyReader(JsonElement jsonObject, string prefix, Validation validation)
    {
        _object = jsonObject;
        _prefix = prefix;
        _validation = validation;
    }

    /// <summary>Gets the object's JSON text as sent, for telling a retried request from a different one.</summary>
    public string RawText => _object.GetRawText();

    /// <summary>Returns whether the body sends the property at all, even as <c>null</c>.</summary>
    /// <param name="name">The property's name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Has(string name) => _object.TryGetProperty(name, out _);

    /// <summary>Reads a string.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="required">Whether the property must be present and not null.</param>
    /// <param name="maxLength">The longest value allowed, if any.</param>
    /// <param name="minLength">The shortest value allowed, if any.</param>
    /// <returns>The value, or <see langword="null"/> when absent, null or invalid.</returns>
    public string? String(string name, bool required = false, int? maxLength = null, int? minLength = null)
    {
        if (!TryGet(name, required, JsonValueKind.String, "a string", out var element))
        {
            return null;
        }

        var value = element.GetString()!;
        if (value.Length > maxLength || value.Length < minLength)
        {
            Fail(name, minLength is null ? $"at most {maxLength} characters" : $"{minLength} to {maxLength} characters");
            return null;
        }

        return value;
    }

    /// <summary>Reads one value of a string enumeration.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="allowed">The values the document lists.</param>
    /// <param name="required">Whether the property must be present.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public string? Enum(string name, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var value = String(name, required);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Fail(name, $"'{value}' is not one of {string.Join(", ", allowed)}");
            return null;
        }

        return value;
    }

    /// <summary>Reads an integer in a range.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <param name="maximum">The largest value allowed.</param>
    /// <param name="required">Whether the property must be present.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public int? Int(string name, int minimum, int maximum, bool required = false)
    {
        if (!TryGet(name, required, JsonValueKind.Number, "an integer", out var element))
        {
            return null;
        }

        if (!element.TryGetInt32(out var value) || value < minimum || value > maximum)
        {
            Fail(name, $"must be an integer from {minimum} to {maximum}");
            return null;
        }

        return value;
    }

    /// <summary>Reads a <c>format: decimal</c> number.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="required">Whether the property must be present.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public decimal? Decimal(string name, bool required = false)
    {
        if (!TryGet(name, required, JsonValueKind.Number, "a number", out var element))
        {
            return null;
        }

        if (!element.TryGetDecimal(out var value))
        {
            Fail(name, "must be a decimal number");
            return null;
        }

        return value;
    }

    /// <summary>Reads a <c>format: double</c> or <c>float</c> number.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="required">Whether the property must be present.</param>
    /// <param name="minimum">The smallest value allowed, if any.</param>
    /// <param name="maximum">The largest value allowed, if any.</param>
    /// <param name="exclusiveMinimum">Whether the minimum itself is excluded.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public double? Double(string name, bool required = false, double? minimum = null, double? maximum = null, bool exclusiveMinimum = false)
    {
        if (!TryGet(name, required, JsonValueKind.Number, "a number", out var element))
        {
            return null;
        }

        var value = element.GetDouble();
        var tooSmall = minimum is { } min && (exclusiveMinimum ? value <= min : value < min);
        if (tooSmall || value > maximum)
        {
            var bound = minimum?.ToString(CultureInfo.InvariantCulture) ?? "-";
            Fail(name, exclusiveMinimum ? $"must be greater than {bound}" : $"must be from {bound} to {maximum?.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    /// <summary>Reads a <c>format: date</c> string.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="required">Whether the property must be present.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public DateOnly? Date(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        if (text is not null)
        {
            Fail(name, "must be a date, yyyy-MM-dd");
        }

        return null;
    }

    /// <summary>Reads an absolute <c>format: uri</c> string.</summary>
    /// <param name="name">The property's name.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public Uri? Uri(string name)
    {
        var text = String(name);
        if (text is not null && System.Uri.TryCreate(text, UriKind.Absolute, out var value))
        {
            return value;
        }

        if (text is not null)
        {
            Fail(name, "must be an absolute URL");
        }

        return null;
    }

    /// <summary>Reads a <c>format: byte</c> (base64) string.</summary>
    /// <param name="name">The property's name.</param>
    /// <returns>The decoded bytes, or <see langword="null"/> when absent or invalid.</returns>
    public byte[]? Bytes(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            Fail(name, "must be base64");
            return null;
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>Returns a reader over a nested object.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="required">Whether the property must be present.</param>
    /// <returns>The nested reader, or <see langword="null"/> when absent or not an object.</returns>
    public JsonBodyReader? Object(string name, bool required = false) =>
        TryGet(name, required, JsonValueKind.Object, "an object", out var element) ? new JsonBodyReader(element, Path(name) + ".", _validation) : null;

    /// <summary>Returns a reader over each value of an object used as a map of objects.</summary>
    /// <param name="name">The property's name.</param>
    /// <returns>The keys and readers, or <see langword="null"/> when absent or invalid.</returns>
    public List<KeyValuePair<string, JsonBodyReader>>? ObjectMap(string name)
    {
        if (!TryGet(name, required: false, JsonValueKind.Object, "an object", out var element))
        {
            return null;
        }

        var entries = new List<KeyValuePair<string, JsonBodyReader>>();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                Fail(name + "." + property.Name, "must be an object");
                continue;
            }

            entries.Add(new(property.Name, new JsonBodyReader(property.Value, Path(name) + "." + property.Name + ".", _validation)));
        }

        return entries;
    }

    private bool TryGet(string name, bool required, JsonValueKind kind, string expected, out JsonElement element)
    {
        if (!_object.TryGetProperty(name, out element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Fail(name, "is required");
            }

            return false;
        }

        if (element.ValueKind != kind)
        {
            Fail(name, "must be " + expected);
            return false;
        }

        return true;
    }

    private string Path(string name) => _prefix + name;

    /// <summary>Records an error for a property of this object, for checks the typed readers do not make.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="reason">Why it was rejected.</param>
    public void Fail(string name, string reason) => _validation.Add(Path(name), "body", reason);
}
