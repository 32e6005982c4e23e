namespace Sei.Testing.Engine;

/// <summary>
/// Paging cursors as SEI makes them: the base64 of a sequential key, opaque to clients. The server's
/// keys are item positions behind a fixed prefix chosen so that every cursor holds <c>+</c>, <c>/</c>
/// and <c>=</c>, which a client must percent-encode when it sends one back (conventions, section 4).
/// </summary>
internal static class Cursors
{
    private static readonly byte[] Prefix = { 0xFB, 0xFF, 0xBF };

    /// <summary>The cursor of the item at a position.</summary>
    public static string Encode(int position)
    {
        var bytes = new byte[] { Prefix[0], Prefix[1], Prefix[2], (byte)(position >> 8), (byte)position };
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The position a cursor names, or <see langword="null"/> when it is not one of this server's.</summary>
    public static int? Decode(string cursor)
    {
        try
        {
            var bytes = Convert.FromBase64String(cursor);
            return bytes.Length == 5 && bytes[0] == Prefix[0] && bytes[1] == Prefix[1] && bytes[2] == Prefix[2] ? (bytes[3] << 8) | bytes[4] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
