namespace Sei.Client.Http;

/// <summary>
/// The rules by which a generated client follows a redirect itself, instead of leaving it to the
/// handler: which statuses redirect, which method and body the next request has (RFC 9110 15.4, with
/// the long-standing POST-to-GET rewrite for 301 and 302 that browsers and .NET apply), and where it may go.
/// </summary>
internal static class SeiRedirect
{
    /// <summary>Whether the status asks the client to repeat the request at the <c>Location</c>.</summary>
    public static bool IsRedirect(HttpStatusCode status)
        => (int)status is 301 or 302 or 303 or 307 or 308;

    /// <summary>The method of the next request: 303 turns everything but HEAD into GET; 301 and 302 turn POST into GET; 307 and 308 keep it.</summary>
    public static HttpMethod MethodAfter(HttpStatusCode status, HttpMethod method)
    {
        var code = (int)status;
        if (code == 303 && method != HttpMethod.Head)
        {
            return HttpMethod.Get;
        }

        return code is 301 or 302 && method == HttpMethod.Post ? HttpMethod.Get : method;
    }

    /// <summary>The URL the response names, resolved against the URL that gave it; <see langword="null"/> when it names none.</summary>
    public static Uri? Target(HttpResponseMessage response, Uri requestUri)
    {
        if (response.Headers.Location is not { } location)
        {
            return null;
        }

        return location.IsAbsoluteUri ? location : new Uri(requestUri, location);
    }

    /// <summary>Whether two URLs share scheme, host and port: only then do credentials and parameters travel on.</summary>
    public static bool SameOrigin(Uri target, Uri origin)
        => Uri.Compare(target, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>A URL as logs and messages may show it: scheme, host, port and path, without the query, which may hold a signature.</summary>
    public static string Describe(Uri uri) => uri.GetLeftPart(UriPartial.Path);
}
