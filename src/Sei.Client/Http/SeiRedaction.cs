namespace Sei.Client.Http;

/// <summary>
/// What may be written of a request where others can read it (logs, exception messages): URLs
/// without their user information and with every query value replaced by <c>*</c>, header values
/// only for headers known to carry no credential, and text with known secrets taken out.
/// </summary>
internal static class SeiRedaction
{
    /// <summary>What replaces a value that is not shown.</summary>
    public const string Mask = "*";

    /// <summary>Headers that carry credentials: their values are never shown, whatever the options say.</summary>
    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization",
        "Proxy-Authorization",
        "Cookie",
        "Set-Cookie",
        "Set-Cookie2",
    };

    /// <summary>
    /// A URL as it may be logged: scheme, host, port and path; no user information; each query
    /// parameter's name with <c>*</c> for its value (a query may carry an API key or a code); no fragment.
    /// </summary>
    /// <param name="uri">The URL, absolute or relative.</param>
    /// <returns>The redacted URL, or <c>(null)</c>.</returns>
    public static string Url(Uri? uri)
    {
        if (uri is null)
        {
            return "(null)";
        }

        string beforeQuery, query;
        if (uri.IsAbsoluteUri)
        {
            // SchemeAndServer leaves the user information out; it is a component of its own.
            beforeQuery = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            query = uri.Query.TrimStart('?');
        }
        else
        {
            var text = uri.OriginalString;
            var fragment = text.IndexOf('#');
            text = fragment < 0 ? text : text.Substring(0, fragment);
            var mark = text.IndexOf('?');
            beforeQuery = mark < 0 ? text : text.Substring(0, mark);
            query = mark < 0 ? string.Empty : text.Substring(mark + 1);
        }

        if (query.Length == 0)
        {
            return beforeQuery;
        }

        var parts = query.Split('&').Select(part => part.IndexOf('=') is var equals and > 0 ? part.Substring(0, equals + 1) + Mask : Mask);
        return beforeQuery + "?" + string.Join("&", parts);
    }

    /// <summary>Tells whether a header's value may be shown: never for credentials, otherwise only when it is named as loggable.</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="loggable">Names of headers whose values may be shown (compared case-insensitively).</param>
    /// <returns><see langword="true"/> when the value may be shown.</returns>
    public static bool ShowsHeaderValue(string name, ICollection<string> loggable)
        => !IsCredentialHeader(name) && loggable.Contains(name);

    /// <summary>Tells whether a header carries credentials, so that its value is never shown (Sei.Testing's recordings use it too).</summary>
    /// <param name="name">The header's name, compared case-insensitively.</param>
    /// <returns><see langword="true"/> for <c>Authorization</c>, <c>Proxy-Authorization</c> and cookies.</returns>
    public static bool IsCredentialHeader(string name) => CredentialHeaders.Contains(name);

    /// <summary>Writes headers as <c>Name: value</c> lines, with <c>*</c> for every value that may not be shown.</summary>
    /// <param name="headers">The headers, message and content ones together.</param>
    /// <param name="loggable">Names of headers whose values may be shown.</param>
    /// <returns>The text, one line per header, each line starting with a line break.</returns>
    public static string Headers(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, ICollection<string> loggable)
    {
        var text = new StringBuilder();
        foreach (var header in headers)
        {
            text.Append('\n').Append(header.Key).Append(": ")
                .Append(ShowsHeaderValue(header.Key, loggable) ? string.Join(", ", header.Value) : Mask);
        }

        return text.ToString();
    }

    /// <summary>
    /// Takes known secrets out of a text that came from elsewhere (an error a token endpoint wrote,
    /// which may echo what it was sent): each secret, as it is and URL- or form-encoded, becomes <c>***</c>.
    /// Matching ignores case, since percent-encoding may come back in either case; hiding a little too
    /// much is the safe side.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="secrets">The secrets; empty ones, and ones shorter than four characters (which would match ordinary words), are skipped.</param>
    /// <returns>The text without the secrets.</returns>
    public static string Scrub(string text, IEnumerable<string?> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            if (secret is null || secret.Length < 4)
            {
                continue;
            }

            foreach (var form in new[] { secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret) })
            {
                text = Replace(text, form);
            }
        }

        return text;
    }

    private static string Replace(string text, string form)
    {
        var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var from = 0;
        for (; at >= 0; at = text.IndexOf(form, from, StringComparison.OrdinalIgnoreCase))
        {
            result.Append(text, from, at - from).Append("***");
            from = at + form.Length;
        }

        return result.Append(text, from, text.Length - from).ToString();
    }
}
