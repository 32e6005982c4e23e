using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Sei.Testing;

namespace Sei.Sandbox.Http;

/// <summary>
/// Collects what is wrong with one request, across query, header, cookie and body, so that the
/// caller hears about every bad field in one 400 rather than one at a time.
/// </summary>
/// <param name="product">The product's error code prefix, such as <c>accounts</c>.</param>
internal sealed class Validation(string product)
{
    private readonly List<SeiFieldError> _errors = [];

    /// <summary>Gets the product's error code prefix.</summary>
    public string Product { get; } = product;

    /// <summary>Records a bad field.</summary>
    /// <param name="field">The field's name as the document spells it.</param>
    /// <param name="location">Where the field travelled.</param>
    /// <param name="reason">Why it was rejected.</param>
    public void Add(string field, string location, string reason) => _errors.Add(new SeiFieldError(field, location, reason));

    /// <summary>Throws a 400 with every recorded error, if there are any.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw SeiProblemException.Validation(Product, _errors.ToArray());
        }
    }

    /// <summary>Returns a reader over the query string.</summary>
    /// <param name="context">The request's context.</param>
    /// <returns>The reader.</returns>
    public ValuesReader Query(HttpContext context) => new(name => context.Request.Query[name], "query", this);

    /// <summary>Returns a reader over the fields of a form body.</summary>
    /// <param name="form">The form.</param>
    /// <returns>The reader.</returns>
    public ValuesReader Form(IFormCollection form) => new(name => form[name], "body", this);

    /// <summary>Returns a reader over the request's cookies.</summary>
    /// <param name="context">The request's context.</param>
    /// <returns>The reader.</returns>
    public ValuesReader Cookies(HttpContext context) =>
        new(name => context.Request.Cookies[name] is { } value ? new StringValues(value) : StringValues.Empty, "cookie", this);

    /// <summary>Returns a reader over the request's headers.</summary>
    /// <param name="context">The request's context.</param>
    /// <returns>The reader.</returns>
    public ValuesReader Headers(HttpContext context) => new(name => context.Request.Headers[name], "header", this);

    /// <summary>Reads a JSON object body, after checking that it was sent as one of the media types the operation accepts.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="mediaTypes">The media types the API document lists for the body.</param>
    /// <returns>A reader over the body; a 400 is thrown when the body is missing or not a JSON object.</returns>
    public async Task<JsonBodyReader> JsonBodyAsync(HttpContext context, params string[] mediaTypes)
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        if (Array.FindIndex(mediaTypes, type => string.Equals(type, mediaType, StringComparison.OrdinalIgnoreCase)) < 0)
        {
            throw SeiProblemException.Validation(
                Product,
                [new SeiFieldError("Content-Type", "header", $"'{mediaType}' is not accepted; send {string.Join(" or ", mediaTypes)}")]);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw SeiProblemException.Validation(Product, [new SeiFieldError(string.Empty, "body", "must be a JSON object")]);
            }

            // Cloning detaches the element from the pooled document, which is disposed here.
            return new JsonBodyReader(document.RootElement.Clone(), string.Empty, this);
        }
        catch (JsonException exception)
        {
            throw SeiProblemException.Validation(Product, [new SeiFieldError(string.Empty, "body", "not valid JSON: " + exception.Message)]);
        }
    }
}
