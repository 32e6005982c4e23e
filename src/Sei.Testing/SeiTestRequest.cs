using System.Text.Json;

namespace Sei.Testing;

/// <summary>A request as a handler given to <see cref="SeiTestServer.Handle"/> sees it, after the server checked it against the document.</summary>
public sealed class SeiTestRequest
{
    internal SeiTestRequest(string operation, string method, string url, IReadOnlyDictionary<string, string> pathValues, IReadOnlyDictionary<string, string[]> query, IReadOnlyDictionary<string, string> headers, string body)
    {
        Operation = operation;
        Method = method;
        Url = url;
        PathValues = pathValues;
        Query = query;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the operation the request matched: its operation ID, else the generated method's name.</summary>
    public string Operation { get; }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the path and query as sent, percent-encoded.</summary>
    public string Url { get; }

    /// <summary>Gets the path parameters' values, decoded, by their names in the document.</summary>
    public IReadOnlyDictionary<string, string> PathValues { get; }

    /// <summary>Gets the query's values by name.</summary>
    public IReadOnlyDictionary<string, string[]> Query { get; }

    /// <summary>Gets the headers, as sent.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the body as text (empty when there was none).</summary>
    public string Body { get; }

    /// <summary>Reads the JSON body as a generated model type (its JSON contract is the generated one).</summary>
    /// <typeparam name="T">The model type, such as <c>AccountCreate</c>.</typeparam>
    /// <returns>The body.</returns>
    /// <exception cref="JsonException">The body is not JSON of that type.</exception>
    public T ReadBody<T>() => JsonSerializer.Deserialize<T>(Body) ?? throw new JsonException("The request's body is JSON null, not a " + typeof(T).Name + ".");
}

/// <summary>What a handler given to <see cref="SeiTestServer.Handle"/> answers with; the server adds the tracking ID.</summary>
public sealed class SeiTestResponse
{
    private SeiTestResponse(int status, string? json)
    {
        Status = status;
        Json = json;
    }

    /// <summary>Gets the status.</summary>
    public int Status { get; }

    /// <summary>Gets the JSON body, or <see langword="null"/> for none.</summary>
    public string? Json { get; }

    /// <summary>A JSON body, written with the value's own JSON contract (a generated model's is the generated one).</summary>
    /// <param name="value">The body, such as <c>new Account { ... }</c>.</param>
    /// <param name="status">The status, 200 unless said.</param>
    /// <returns>The response.</returns>
    public static SeiTestResponse Of(object? value, int status = 200)
        => new(status, value is null ? "null" : JsonSerializer.Serialize(value, value.GetType()));

    /// <summary>A status without a body, such as 204 or 202.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The response.</returns>
    public static SeiTestResponse Empty(int status = 204) => new(status, null);
}
