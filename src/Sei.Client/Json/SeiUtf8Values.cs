using System.Buffers.Text;

namespace Sei.Client.Json;

/// <summary>
/// Parses the common spellings of dates and UUIDs straight from the UTF-8 bytes the reader holds,
/// so reading one allocates no string. A token these do not recognise (escaped, split across
/// buffers, or in another accepted spelling) is left to the string-based parsers, which stay the
/// reference for what is accepted.
/// </summary>
internal static class SeiUtf8Values
{
    /// <summary>Parses an RFC 3339 <c>full-date</c> (exactly <c>yyyy-MM-dd</c>) from the reader's current string token.</summary>
    public static bool TryGetDate(ref Utf8JsonReader reader, out DateTime value)
    {
        value = default;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return false;
        }

        var text = reader.ValueSpan;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
        {
            return false;
        }

        if (!TryDigits(text.Slice(0, 4), out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Parses a UUID in its usual hyphenated spelling from the reader's current string token.</summary>
    public static bool TryGetGuid(ref Utf8JsonReader reader, out Guid value)
    {
        value = default;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return false;
        }

        var text = reader.ValueSpan;
        return Utf8Parser.TryParse(text, out value, out var consumed, 'D') && consumed == text.Length;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var digit = b - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
