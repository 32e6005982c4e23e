namespace Sei.Client.Http;

/// <summary>
/// Collects the parts of one request (path values, query, headers, cookies, body) as a generated
/// client method fills them in, and turns them into an <see cref="HttpRequestMessage"/>.
/// Values are percent-encoded here, once, so generated code never encodes by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SeiRequestBuilder
{
    private readonly StringBuilder _path;
    private readonly List<KeyValuePair<string, string>> _query = new();
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private readonly List<string> _cookies = new();

    /// <summary>Initializes a new instance of the <see cref="SeiRequestBuilder"/> class.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">The path template from the document, such as <c>/v1/accounts/{accountId}</c>.</param>
    /// <param name="operationName">The operation's name, used in logs and error messages.</param>
    public SeiRequestBuilder(HttpMethod method, string pathTemplate, string operationName)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
        OperationName = operationName ?? throw new ArgumentNullException(nameof(operationName));
        _path = new StringBuilder(pathTemplate);
    }

    /// <summary>Gets the HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the path template from the document.</summary>
    public string PathTemplate { get; }

    /// <summary>Gets the operation's name.</summary>
    public string OperationName { get; }

    /// <summary>
    /// Gets or sets the operation that takes this GET's filters in a POST body, such as
    /// <c>SearchAccountsAsync (POST /v1/accounts/search)</c>; the URL-length error recommends it.
    /// </summary>
    public string? SearchAlternative { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a <c>304 Not Modified</c> answer is a result rather than an
    /// error: generated code sets it for operations whose document declares 304 (conditional requests
    /// with <c>If-None-Match</c> or <c>If-Modified-Since</c>).
    /// </summary>
    public bool NotModifiedIsResult { get; set; }

    /// <summary>Gets or sets the request body, or <see langword="null"/> for none.</summary>
    public HttpContent? Content { get; set; }

    /// <summary>Gets the header values added so far, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers;

    /// <summary>Replaces <c>{name}</c> in the path template with the percent-encoded value.</summary>
    /// <param name="name">The parameter's name as the template spells it.</param>
    /// <param name="value">The value; <c>/</c>, spaces and non-ASCII characters are percent-encoded.</param>
    public void SetPathParameter(string name, string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value), $"The path parameter '{name}' of {OperationName} needs a value.");
        }

        ReplacePlaceholder(name, Uri.EscapeDataString(value));
    }

    /// <summary>Replaces <c>{name}</c> in the path template with the values joined by commas (the <c>simple</c> style).</summary>
    /// <param name="name">The parameter's name as the template spells it.</param>
    /// <param name="values">The values, already formatted.</param>
    public void SetPathParameter(string name, IEnumerable<string> values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values), $"The path parameter '{name}' of {OperationName} needs a value.");
        }

        SetPathParameter(name, SeiParameterValue.Array(values), SeiParameterStyle.Simple, explode: false);
    }

    /// <summary>
    /// Replaces <c>{name}</c> in the path template with the value laid out in its style: <c>simple</c>
    /// (<c>blue,black</c>), <c>label</c> (<c>.blue.black</c> exploded) or <c>matrix</c> (<c>;color=blue</c>).
    /// </summary>
    /// <param name="name">The parameter's name as the template spells it.</param>
    /// <param name="value">The value, already formatted; names and values are percent-encoded here.</param>
    /// <param name="style">The OpenAPI style: <see cref="SeiParameterStyle.Simple"/>, <see cref="SeiParameterStyle.Label"/> or <see cref="SeiParameterStyle.Matrix"/>.</param>
    /// <param name="explode">The OpenAPI <c>explode</c> flag.</param>
    public void SetPathParameter(string name, SeiParameterValue value, SeiParameterStyle style, bool explode)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value), $"The path parameter '{name}' of {OperationName} needs a value.");
        }

        ReplacePlaceholder(name, SeiStyleWriter.Path(name, value, style, explode));
    }

    /// <summary>
    /// Puts a parameter's text in place of <c>{name}</c>, refusing a result that URLs would not keep: a
    /// segment that is <c>.</c> or <c>..</c> (encoded or not) is removed by every URL parser, taking the
    /// request to another resource, so such a value (or the <c>label</c> style's empty value, <c>.</c>)
    /// cannot be sent.
    /// </summary>
    private void ReplacePlaceholder(string name, string text)
    {
        var placeholder = "{" + name + "}";
        var path = _path.ToString();
        var at = path.IndexOf(placeholder, StringComparison.Ordinal);
        if (at < 0)
        {
            return;
        }

        var start = path.LastIndexOf('/', at) + 1;
        var end = path.IndexOf('/', at + placeholder.Length);
        var segment = path.Substring(start, at - start) + text + (end < 0 ? path.Substring(at + placeholder.Length) : path.Substring(at + placeholder.Length, end - at - placeholder.Length));
        var decoded = segment.Replace("%2E", ".").Replace("%2e", ".");
        if (decoded is "." or "..")
        {
            throw new ArgumentException($"The path parameter '{name}' of {OperationName} would make the path segment '{segment}', which URLs treat as a step in the path rather than a value, so the request would go to another resource. Pass another value.", name);
        }

        _path.Replace(placeholder, text);
    }

    /// <summary>Adds <c>name=value</c> to the query string; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The formatted value.</param>
    public void AddQueryParameter(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        AppendQueryPair(Uri.EscapeDataString(name), Uri.EscapeDataString(value));
    }

    /// <summary>Adds an array parameter to the query string in the given style.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="values">The formatted values; <see langword="null"/> adds nothing.</param>
    /// <param name="style">The OpenAPI style.</param>
    /// <param name="explode">The OpenAPI <c>explode</c> flag.</param>
    public void AddQueryParameter(string name, IEnumerable<string>? values, SeiParameterStyle style, bool explode)
        => AddQueryParameter(name, values is null ? null : SeiParameterValue.Array(values), style, explode);

    /// <summary>Adds an object parameter to the query string: <c>name[key]=value</c> for <c>deepObject</c>, <c>key=value</c> pairs for exploded <c>form</c>.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="properties">The object's properties, already formatted; <see langword="null"/> adds nothing.</param>
    /// <param name="style">The OpenAPI style.</param>
    /// <param name="explode">The OpenAPI <c>explode</c> flag.</param>
    public void AddQueryObject(string name, IEnumerable<KeyValuePair<string, string>>? properties, SeiParameterStyle style, bool explode)
        => AddQueryParameter(name, properties is null ? null : SeiParameterValue.Object(Nullable(properties)), style, explode);

    /// <summary>
    /// Adds a parameter to the query string laid out in its style (<c>form</c>, <c>spaceDelimited</c>,
    /// <c>pipeDelimited</c>, <c>deepObject</c>, or 2.0's tab-separated values); <see langword="null"/> adds
    /// nothing, and so does an empty array or object, which OpenAPI treats as undefined.
    /// </summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value, already formatted; names and values are percent-encoded here.</param>
    /// <param name="style">The OpenAPI style.</param>
    /// <param name="explode">The OpenAPI <c>explode</c> flag.</param>
    /// <param name="allowReserved">The OpenAPI <c>allowReserved</c> flag: RFC 3986's reserved characters are sent as they are.</param>
    public void AddQueryParameter(string name, SeiParameterValue? value, SeiParameterStyle style, bool explode, bool allowReserved = false)
    {
        if (value is null)
        {
            return;
        }

        _query.AddRange(SeiStyleWriter.Query(name, value, style, explode, allowReserved));
    }

    /// <summary>Adds a request header; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The formatted value.</param>
    public void AddHeader(string name, string? value)
    {
        if (value is not null)
        {
            _headers.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>
    /// Adds a request header laid out in the <c>simple</c> style (<c>blue,black</c>, <c>R,100,G,200</c>, exploded
    /// <c>R=100,G=200</c>), or a Swagger 2.0 array with the separator its <c>collectionFormat</c> names;
    /// <see langword="null"/> adds nothing.
    /// </summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The value, already formatted.</param>
    /// <param name="style">The style: <see cref="SeiParameterStyle.Simple"/>, or a delimited one for Swagger 2.0 arrays.</param>
    /// <param name="explode">The OpenAPI <c>explode</c> flag.</param>
    public void AddHeader(string name, SeiParameterValue? value, SeiParameterStyle style, bool explode)
    {
        if (value is not null)
        {
            _headers.Add(new KeyValuePair<string, string>(name, SeiStyleWriter.Header(value, style, explode)));
        }
    }

    /// <summary>Adds a cookie to the <c>Cookie</c> header; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="name">The cookie's name.</param>
    /// <param name="value">The formatted value, percent-encoded here.</param>
    public void AddCookie(string name, string? value)
    {
        if (value is not null)
        {
            AddCookie(name, SeiParameterValue.Primitive(value), explode: false);
        }
    }

    /// <summary>Adds a cookie laid out in the <c>form</c> style (<c>color=blue,black</c>; exploded <c>color=blue&amp;color=black</c>); <see langword="null"/> adds nothing.</summary>
    /// <param name="name">The cookie's name.</param>
    /// <param name="value">The value, already formatted; values are percent-encoded here.</param>
    /// <param name="explode">The OpenAPI <c>explode</c> flag.</param>
    public void AddCookie(string name, SeiParameterValue? value, bool explode)
    {
        if (value is not null)
        {
            _cookies.Add(SeiStyleWriter.Cookie(name, value, explode));
        }
    }

    /// <summary>Returns the path and query, percent-encoded, as they follow the server URL.</summary>
    /// <returns>The relative reference, such as <c>/v1/accounts?status=OPEN</c>.</returns>
    public string BuildPathAndQuery()
    {
        if (_query.Count == 0)
        {
            return _path.ToString();
        }

        var text = new StringBuilder(_path.ToString()).Append('?');
        for (var i = 0; i < _query.Count; i++)
        {
            if (i > 0)
            {
                text.Append('&');
            }

            text.Append(_query[i].Key).Append('=').Append(_query[i].Value);
        }

        return text.ToString();
    }

    /// <summary>
    /// Applies a paging cursor: every query parameter the cursor names is replaced by the cursor's
    /// value (or removed when the cursor's value is empty); the other parameters are kept.
    /// </summary>
    /// <param name="cursor">The cursor from a previous page's <c>paging</c> object.</param>
    public void ApplyCursor(SeiCursor cursor)
    {
        if (cursor is null)
        {
            throw new ArgumentNullException(nameof(cursor));
        }

        foreach (var pair in cursor.Values)
        {
            var escapedName = Uri.EscapeDataString(pair.Key);
            _query.RemoveAll(existing => existing.Key == escapedName);
        }

        foreach (var pair in cursor.Values)
        {
            if (pair.Value.Length > 0)
            {
                AppendQueryPair(Uri.EscapeDataString(pair.Key), Uri.EscapeDataString(pair.Value));
            }
        }
    }

    /// <summary>Builds the absolute URL from a server URL, which may carry a path of its own.</summary>
    /// <param name="serverUrl">The server URL, such as <c>https://api.example.com</c> or <c>https://example.com/api</c>.</param>
    /// <returns>The absolute URL.</returns>
    public Uri BuildUri(Uri serverUrl)
    {
        if (serverUrl is null)
        {
            throw new ArgumentNullException(nameof(serverUrl));
        }

        // Concatenate rather than resolve: resolving "/v1/x" against "https://h/api/" would drop "/api".
        var root = serverUrl.AbsoluteUri.TrimEnd('/');
        var pathAndQuery = BuildPathAndQuery();
        if (pathAndQuery.Length > 0 && pathAndQuery[0] != '/' && pathAndQuery[0] != '?')
        {
            pathAndQuery = "/" + pathAndQuery;
        }

        return new Uri(root + pathAndQuery, UriKind.Absolute);
    }

    /// <summary>Creates the HTTP request message for the given server URL.</summary>
    /// <param name="serverUrl">The server URL.</param>
    /// <returns>A new request message that the caller owns.</returns>
    public HttpRequestMessage ToHttpRequestMessage(Uri serverUrl)
        => CreateMessage(Method, BuildUri(serverUrl), Content, withParameters: true);

    /// <summary>
    /// Creates the request that follows a redirect: the method and body the redirect's status calls for,
    /// and the header and cookie parameters only when the target has the API's origin, so that nothing
    /// the caller passed travels to another host.
    /// </summary>
    /// <param name="method">The method to use.</param>
    /// <param name="target">The absolute URL the server named.</param>
    /// <param name="content">The body to send again, or <see langword="null"/>.</param>
    /// <param name="sameOrigin">Whether the target has the API's scheme, host and port.</param>
    /// <returns>A new request message that the caller owns.</returns>
    internal HttpRequestMessage CreateRedirectMessage(HttpMethod method, Uri target, HttpContent? content, bool sameOrigin)
        => CreateMessage(method, target, content, withParameters: sameOrigin);

    private HttpRequestMessage CreateMessage(HttpMethod method, Uri uri, HttpContent? content, bool withParameters)
    {
        var message = new HttpRequestMessage(method, uri) { Content = content };
        if (!withParameters)
        {
            return message;
        }

        foreach (var header in _headers)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (_cookies.Count > 0)
        {
            message.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", _cookies));
        }

        return message;
    }

    private void AppendQueryPair(string escapedName, string escapedValue)
    {
        _query.Add(new KeyValuePair<string, string>(escapedName, escapedValue));
    }

    private static IEnumerable<KeyValuePair<string, string?>> Nullable(IEnumerable<KeyValuePair<string, string>> properties)
    {
        foreach (var property in properties)
        {
            yield return new KeyValuePair<string, string?>(property.Key, property.Value);
        }
    }
}
