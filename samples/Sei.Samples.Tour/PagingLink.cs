using System;

namespace Sei.Samples.Tour;

/// <summary>
/// Reads SEI's paging links. A link such as <c>before=&amp;after=QUNDLTAwMDAwMTE4</c> is a query
/// fragment to apply to the same operation: keep the other parameters, replace <c>before</c> and
/// <c>after</c>.
/// </summary>
internal static class PagingLink
{
    /// <summary>Returns the <c>before</c> and <c>after</c> cursors of a paging link.</summary>
    /// <param name="fragment">The link, such as <c>paging.next</c>.</param>
    /// <returns>The cursors; an empty value becomes <see langword="null"/>, which the generated client leaves out of the URL.</returns>
    public static (string? Before, string? After) Parse(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        string? before = null, after = null;
        foreach (var pair in fragment.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            // Split at the first '=' only: base64 cursors end in '=' padding.
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? string.Empty : pair[(separator + 1)..];

            // A server may send the cursor percent-encoded or raw; unescaping leaves a raw base64 value ('+', '/', '=') as it is.
            value = Uri.UnescapeDataString(value);
            if (name == "before")
            {
                before = value.Length == 0 ? null : value;
            }
            else if (name == "after")
            {
                after = value.Length == 0 ? null : value;
            }
        }

        return (before, after);
    }
}
