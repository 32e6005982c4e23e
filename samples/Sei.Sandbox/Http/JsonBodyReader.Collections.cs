using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Sei.Sandbox.Http;

/// <summary>The readers for arrays and maps, kept apart from the scalar readers to keep each file short.</summary>
internal sealed partial class JsonBodyReader
{
    /// <summary>Reads an array of strings.</summary>
    /// <param name="name">The property's name.</param>
    /// <param name="maxItems">The most items allowed, if any.</param>
    /// <param name="maxItemLength">The longest item allowed, if any.</param>
    /// <returns>The values, or <see langword="null"/> when absent or invalid.</returns>
    public List<string>? StringList(string name, int? maxItems = null, int? maxItemLength = null)
    {
        if (!TryGet(name, required: false, JsonValueKind.Array, "an array of strings", out var element))
        {
            return null;
        }

        var values = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length > maxItemLength)
            {
                Fail(name, maxItemLength is null ? "must hold only strings" : $"must hold only strings of at most {maxItemLength} characters");
                return null;
            }

            values.Add(item.GetString()!);
        }

        if (values.Count > maxItems)
        {
            Fail(name, $"at most {maxItems} items");
            return null;
        }

        return values;
    }

    /// <summary>Reads an object whose values are strings (<c>additionalProperties: {type: string}</c>).</summary>
    /// <param name="name">The property's name.</param>
    /// <returns>The map, or <see langword="null"/> when absent or invalid.</returns>
    public Dictionary<string, string>? StringMap(string name)
    {
        if (!TryGet(name, required: false, JsonValueKind.Object, "an object of strings", out var element))
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                Fail(name + "." + property.Name, "must be a string");
                continue;
            }

            map[property.Name] = property.Value.GetString()!;
        }

        return map;
    }

    /// <summary>Reads a JSON merge patch (RFC 7396) of a map of strings: a <c>null</c> value removes its key.</summary>
    /// <param name="name">The property's name.</param>
    /// <returns>The changes (<see langword="null"/> values remove), or <see langword="null"/> when absent or invalid.</returns>
    public Dictionary<string, string?>? StringMapPatch(string name)
    {
        if (!TryGet(name, required: false, JsonValueKind.Object, "an object of strings", out var element))
        {
            return null;
        }

        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                Fail(name + "." + property.Name, "must be a string, or null to remove it");
                continue;
            }

            changes[property.Name] = property.Value.GetString();
        }

        return changes;
    }

    /// <summary>Reads an array of arrays of numbers.</summary>
    /// <param name="name">The property's name.</param>
    /// <returns>The rows, or <see langword="null"/> when absent or invalid.</returns>
    public List<IReadOnlyList<double>>? NumberMatrix(string name)
    {
        if (!TryGet(name, required: false, JsonValueKind.Array, "an array of arrays of numbers", out var element))
        {
            return null;
        }

        var rows = new List<IReadOnlyList<double>>();
        foreach (var row in element.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.EnumerateArray().Any(cell => cell.ValueKind != JsonValueKind.Number))
            {
                Fail(name, "must be an array of arrays of numbers");
                return null;
            }

            rows.Add(row.EnumerateArray().Select(cell => cell.GetDouble()).ToArray());
        }

        return rows;
    }
}
