using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Sei.Benchmarks.Verification;

/// <summary>
/// Compares two JSON documents for the same data, allowing only differences that the three sides
/// legitimately write differently: member order; an explicit <c>null</c> against a left-out member
/// (System.Text.Json and Kiota leave nulls out); a number's spelling (<c>1.50</c> and <c>1.5</c>);
/// and a date-time's spelling for the same instant and offset (<c>Z</c> and <c>+00:00</c>,
/// <c>.0000000</c>). Everything else, a missing member, a changed string, a lost union member, differs.
/// </summary>
internal static class JsonEquivalence
{
    /// <summary>Finds the first difference.</summary>
    /// <param name="expected">The payload.</param>
    /// <param name="actual">What a side wrote back.</param>
    /// <returns>A JSON path and what differs there, or null when the documents hold the same data.</returns>
    public static string? FirstDifference(byte[] expected, byte[] actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        return Compare(left.RootElement, right.RootElement, "$");
    }

    private static string? Compare(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind && !(IsBoolean(expected) && IsBoolean(actual)))
        {
            return path + ": expected " + Describe(expected) + ", got " + Describe(actual);
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                return CompareObjects(expected, actual, path);
            case JsonValueKind.Array:
                var expectedLength = expected.GetArrayLength();
                if (expectedLength != actual.GetArrayLength())
                {
                    return path + ": expected " + expectedLength + " items, got " + actual.GetArrayLength();
                }

                var index = 0;
                foreach (var (left, right) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    if (Compare(left, right, path + "[" + index++ + "]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Number:
                return SameNumber(expected, actual) ? null : path + ": expected " + expected.GetRawText() + ", got " + actual.GetRawText();
            case JsonValueKind.String:
                return SameString(expected.GetString()!, actual.GetString()!) ? null : path + ": expected " + expected.GetRawText() + ", got " + actual.GetRawText();
            default:
                return expected.ValueKind == actual.ValueKind ? null : path + ": expected " + Describe(expected) + ", got " + Describe(actual);
        }
    }

    private static string? CompareObjects(JsonElement expected, JsonElement actual, string path)
    {
        foreach (var member in expected.EnumerateObject())
        {
            var found = actual.TryGetProperty(member.Name, out var other);
            if (member.Value.ValueKind == JsonValueKind.Null && (!found || other.ValueKind == JsonValueKind.Null))
            {
                continue;
            }

            if (!found)
            {
                return path + "." + member.Name + ": missing (expected " + Describe(member.Value) + ")";
            }

            if (Compare(member.Value, other, path + "." + member.Name) is { } difference)
            {
                return difference;
            }
        }

        foreach (var member in actual.EnumerateObject())
        {
            if (member.Value.ValueKind != JsonValueKind.Null && !expected.TryGetProperty(member.Name, out _))
            {
                return path + "." + member.Name + ": not in the payload, got " + Describe(member.Value);
            }
        }

        return null;
    }

    private static bool IsBoolean(JsonElement element) => element.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static bool SameNumber(JsonElement expected, JsonElement actual)
    {
        if (expected.TryGetDecimal(out var left) && actual.TryGetDecimal(out var right))
        {
            return left == right;
        }

        return expected.GetDouble().Equals(actual.GetDouble());
    }

    private static bool SameString(string expected, string actual)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return true;
        }

        // Only strings that are date-times with a time of day may differ in spelling.
        return expected.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var left)
            && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var right)
            && left.UtcTicks == right.UtcTicks
            && left.Offset == right.Offset;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => element.GetRawText(),
    };
}
