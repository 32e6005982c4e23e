using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;

namespace Sei.Client.Http;

/// <summary>
/// Collects the parts of one request (path values, query, headers, cookies, body) as a generated
/// client method fills them in, and turns them into an <see cref="HttpRequestMessage"/>.
/// Values are percent-encoded here, once, so generated code never encodes by hand.
/// </summary>
public sealed class SeiRequestBuilder
{
    private readonly StringBuilder _path;
    private readonly List<KeyValuePair<string, string>> _query = new();
    private readonly List<KeyValuePair<string, string>> _headers = new();
    private readonly List<KeyValuePair<string, string>> _cookies = new();

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

        _path.Replace("{" + name + "}", Uri.EscapeDataString(value));
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

        var joined = new StringBuilder();
        foreach (var value in values)
        {
            if (joined.Length > 0)
            {
                joined.Append(',');
            }

            joined.Append(Uri.EscapeDataString(value));
        }

        _path.Replace("{" + name + "}", joined.ToString());
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
    {
        if (values is null)
        {
            return;
        }

        var escapedName = Uri.EscapeDataString(name);
        if (explode && style is SeiParameterStyle.Form or SeiParameterStyle.Simple or SeiParameterStyle.DeepObject)
        {
            foreach (var value in values)
            {
                AppendQueryPair(escapedName, Uri.EscapeDataString(value));
            }

            return;
        }

        var separator = style switch
        {
            SeiParameterStyle.SpaceDelimited => "%20",
            SeiParameterStyle.PipeDelimited => "%7C",
            _ => ",",
        };
        var joined = new StringBuilder();
        var any = false;
        foreach (var value in values)
        {
            if (any)
            {
                joined.Append(separator);
            }

            joined.Append(Uri.EscapeDataString(value));
            any = true;
        }

        if (any)
        {
            AppendQueryPair(escapedName, joined.ToString());
        }
    }

    /// <summary>Adds an object parameter to the query string: <c>name[key]=value</c> for <c>deepObject</c>, <c>key=value</c> pairs for exploded <c>form</c>.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="properties">The object's properties, already formatted; <see langword="null"/> adds nothing.</param>
    /// <param name="style">The OpenAPI style.</param>
    /// <param name="explode">The OpenAPI <c>explode</c> flag.</param>
    public void AddQueryObject(string name, IEnumerable<KeyValuePair<string, string>>? properties, SeiParameterStyle style, bool explode)
    {
        if (properties is null)
        {
            return;
        }

        if (style == SeiParameterStyle.DeepObject)
        {
            foreach (var property in properties)
            {
                AppendQueryPair(Uri.EscapeDataString(name + "[" + property.Key + "]"), Uri.EscapeDataString(property.Value));
            }
        }
        else if (explode)
        {
            foreach (var property in properties)
            {
                AppendQueryPair(Uri.EscapeDataString(property.Key), Uri.EscapeDataString(property.Value));
            }
        }
        else
        {
            var joined = new StringBuilder();
            foreach (var property in properties)
            {
                if (joined.Length > 0)
                {
                    joined.Append(',');
                }

                joined.Append(Uri.EscapeDataString(property.Key)).Append(',').Append(Uri.EscapeDataString(property.Value));
            }

            AppendQueryPair(Uri.EscapeDataString(name), joined.ToString());
        }
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

    /// <summary>Adds a cookie to the <c>Cookie</c> header; a <see langword="null"/> value adds nothing.</summary>
    /// <param name="name">The cookie's name.</param>
    /// <param name="value">The formatted value, percent-encoded here.</param>
    public void AddCookie(string name, string? value)
    {
        if (value is not null)
        {
            _cookies.Add(new KeyValuePair<string, string>(name, Uri.EscapeDataString(value)));
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
    {
        var message = new HttpRequestMessage(Method, BuildUri(serverUrl)) { Content = Content };
        foreach (var header in _headers)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (_cookies.Count > 0)
        {
            var cookie = new StringBuilder();
            foreach (var pair in _cookies)
            {
                if (cookie.Length > 0)
                {
                    cookie.Append("; ");
                }

                cookie.Append(pair.Key).Append('=').Append(pair.Value);
            }

            message.Headers.TryAddWithoutValidation("Cookie", cookie.ToString());
        }

        return message;
    }

    private void AppendQueryPair(string escapedName, string escapedValue)
    {
        _query.Add(new KeyValuePair<string, string>(escapedName, escapedValue));
    }
}
