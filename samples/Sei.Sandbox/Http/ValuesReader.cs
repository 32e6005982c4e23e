using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Sei.Sandbox.Http;

/// <summary>
/// Reads typed values from text fields (query, form, cookie, header) and records a field error
/// for each one that does not match its schema, instead of failing on the first.
/// </summary>
internal sealed class ValuesReader
{
    private readonly Func<string, StringValues> _lookup;
    private readonly string _location;
    private readonly Validation _validation;

    /// <summary>Initializes a new instance of the <see cref="ValuesReader"/> class.</summary>
    /// <param name="lookup">Returns the values sent under a name.</param>
    /// <param name="location">Where the values travelled, for error entries.</param>
    /// <param name="validation">Where errors are recorded.</param>
    public ValuesReader(Func<string, StringValues> lookup, string location, Validation validation)
    {
        _lookup = lookup;
        _location = location;
        _validation = validation;
    }

    /// <summary>Reads a string.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="required">Whether the field must be present.</param>
    /// <param name="maxLength">The longest value allowed, if any.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public string? String(string name, bool required = false, int? maxLength = null)
    {
        var value = _lookup(name).ToString();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Fail(name, "is required");
            }

            return null;
        }

        if (value.Length > maxLength)
        {
            Fail(name, $"at most {maxLength} characters");
            return null;
        }

        return value;
    }

    /// <summary>Reads one value of an enumeration.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="allowed">The values the document lists.</param>
    /// <param name="required">Whether the field must be present.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public string? Enum(string name, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var value = String(name, required);
        return value is null || Check(name, value, allowed) ? value : null;
    }

    /// <summary>Reads an array sent as the name repeated (<c>style: form, explode: true</c>).</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="allowed">The values the document lists, or <see langword="null"/> for any.</param>
    /// <param name="maxItems">The most items allowed, if any.</param>
    /// <returns>The values, empty when none were sent.</returns>
    public IReadOnlyList<string> Repeated(string name, IReadOnlyCollection<string>? allowed = null, int? maxItems = null)
    {
        var values = new List<string>();
        foreach (var value in _lookup(name))
        {
            if (!string.IsNullOrEmpty(value) && (allowed is null || Check(name, value, allowed)))
            {
                values.Add(value);
            }
        }

        if (values.Count > maxItems)
        {
            Fail(name, $"at most {maxItems} items");
        }

        return values;
    }

    /// <summary>Reads an array sent as one comma-separated value (<c>style: form, explode: false</c>).</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="maxItems">The most items allowed.</param>
    /// <param name="maxItemLength">The longest item allowed.</param>
    /// <returns>The values, empty when none were sent.</returns>
    public IReadOnlyList<string> CommaSeparated(string name, int maxItems, int maxItemLength)
    {
        var text = _lookup(name).ToString();
        var values = string.IsNullOrEmpty(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (values.Length > maxItems)
        {
            Fail(name, $"at most {maxItems} items");
        }

        if (Array.Exists(values, value => value.Length > maxItemLength))
        {
            Fail(name, $"each item at most {maxItemLength} characters");
        }

        return values;
    }

    /// <summary>Reads an integer in a range.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <param name="maximum">The largest value allowed.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public int? Int(string name, int minimum, int maximum)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            Fail(name, $"must be an integer from {minimum} to {maximum}");
            return null;
        }

        return value;
    }

    /// <summary>Reads a number.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="minimum">The smallest value allowed, if any.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public double? Double(string name, double? minimum = null)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < minimum)
        {
            Fail(name, minimum is null ? "must be a number" : $"must be a number of at least {minimum.Value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    /// <summary>Reads a Boolean (<c>true</c> or <c>false</c>).</summary>
    /// <param name="name">The field's name.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public bool? Boolean(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!bool.TryParse(text, out var value))
        {
            Fail(name, "must be true or false");
            return null;
        }

        return value;
    }

    /// <summary>Reads a <c>format: date</c> value (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="required">Whether the field must be present.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public DateOnly? Date(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            Fail(name, "must be a date, yyyy-MM-dd");
            return null;
        }

        return value;
    }

    /// <summary>Reads a <c>format: date-time</c> value (RFC 3339).</summary>
    /// <param name="name">The field's name.</param>
    /// <returns>The value, or <see langword="null"/> when absent or invalid.</returns>
    public DateTimeOffset? DateTime(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            Fail(name, "must be a date-time, such as 2025-01-31T09:00:00Z");
            return null;
        }

        return value;
    }

    /// <summary>Reads <c>limit</c>, <c>before</c> and <c>after</c>.</summary>
    /// <returns>The page request; the default limit when none was sent.</returns>
    public PageRequest Page() => new(
        Int("limit", 1, PageRequest.MaxLimit) ?? PageRequest.DefaultLimit,
        String("before"),
        String("after"));

    private bool Check(string name, string value, IReadOnlyCollection<string> allowed)
    {
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        Fail(name, $"'{value}' is not one of {string.Join(", ", allowed)}");
        return false;
    }

    private void Fail(string name, string reason) => _validation.Add(name, _location, reason);
}
