using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using Sei.Testing;

namespace Sei.Sandbox.Http;

/// <summary>What a list request asked for: the page size and at most one cursor.</summary>
/// <param name="Limit">The page size, 1 to 100.</param>
/// <param name="Before">The raw <c>before</c> cursor, or <see langword="null"/>.</param>
/// <param name="After">The raw <c>after</c> cursor, or <see langword="null"/>.</param>
internal sealed record PageRequest(int Limit, string? Before, string? After)
{
    /// <summary>The page size when the caller sends none.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The largest page size the documents allow.</summary>
    public const int MaxLimit = 100;
}

/// <summary>One page of items and the <c>paging</c> object that describes it.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on the page.</param>
/// <param name="PagingObject">The <c>paging</c> object, ready to write.</param>
internal sealed record Page<T>(IReadOnlyList<T> Items, JsonObject PagingObject);

/// <summary>
/// SEI's cursor paging. A cursor is the base64 of an item's sequential key (for example
/// <c>ACC-00000137</c>), and <c>after=X</c> means "the items that follow X in this list's order",
/// <c>before=X</c> "the items that precede X". Links are query fragments such as
/// <c>before=&amp;after=QUNDLTAwMDAwMTM3</c>, to apply to the same operation.
/// </summary>
internal static class Paging
{
    /// <summary>Encodes an item's key as a cursor.</summary>
    /// <param name="key">The item's sequential key.</param>
    /// <returns>The base64 cursor.</returns>
    public static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key));

    /// <summary>Cuts one page out of a list.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="ordered">
    /// Every item in the list's order, including ones the filters leave out and ones deleted since,
    /// so that a cursor keeps its place when the item it names is no longer shown.
    /// </param>
    /// <param name="include">Whether an item belongs in the answer (the request's filters, not deleted).</param>
    /// <param name="key">The item's sequential key, the value a cursor encodes.</param>
    /// <param name="request">The page size and cursor.</param>
    /// <param name="product">The product's error code prefix, for the error when a cursor is not one of this list's.</param>
    /// <param name="location">Where the cursor travelled, <c>query</c> or <c>body</c>.</param>
    /// <returns>The page.</returns>
    public static Page<T> Cut<T>(IReadOnlyList<T> ordered, Func<T, bool> include, Func<T, string> key, PageRequest request, string product, string location)
    {
        // Remember each shown item's position in the full list, so cursors resolve against the full list.
        var shown = new List<(T Item, int Position)>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var position = 0; position < ordered.Count; position++)
        {
            positions[key(ordered[position])] = position;
            if (include(ordered[position]))
            {
                shown.Add((ordered[position], position));
            }
        }

        int start, end;
        if (!string.IsNullOrEmpty(request.After))
        {
            var cursorPosition = Resolve(request.After, "after", positions, product, location);
            start = CountBefore(shown, cursorPosition + 1);
            end = Math.Min(shown.Count, start + request.Limit);
        }
        else if (!string.IsNullOrEmpty(request.Before))
        {
            var cursorPosition = Resolve(request.Before, "before", positions, product, location);
            end = CountBefore(shown, cursorPosition);
            start = Math.Max(0, end - request.Limit);
        }
        else
        {
            start = 0;
            end = Math.Min(shown.Count, request.Limit);
        }

        var items = new List<T>(end - start);
        for (var index = start; index < end; index++)
        {
            items.Add(shown[index].Item);
        }

        string CursorOf(int index) => Encode(key(shown[index].Item));
        string AfterIndex(int index) => index < 0 ? "before=&after=" : "before=&after=" + CursorOf(index);

        // The last page is the one a walk from the first page along "next" ends on, so "page n of m" counts agree with it.
        var lastStart = shown.Count == 0 ? 0 : (shown.Count - 1) / request.Limit * request.Limit;
        string? previous = start == 0
            ? null
            : start < shown.Count ? "before=" + CursorOf(start) + "&after=" : AfterIndex(Math.Max(0, start - request.Limit) - 1);
        string? next = end < shown.Count ? AfterIndex(end - 1) : null;

        var paging = new JsonObject
        {
            ["totalCount"] = shown.Count,
            ["limit"] = request.Limit,
            ["first"] = "before=&after=",
            ["last"] = AfterIndex(lastStart - 1),
            ["previous"] = previous,
            ["next"] = next,
            ["self"] = "before=" + Normalize(request.Before) + "&after=" + Normalize(request.After),
        };
        return new Page<T>(items, paging);
    }

    // A "+" sent without percent-encoding arrives as a space in a query string; base64 never holds spaces, so put it back.
    private static string Normalize(string? cursor) => cursor?.Replace(' ', '+') ?? string.Empty;

    private static int Resolve(string cursor, string name, Dictionary<string, int> positions, string product, string location)
    {
        var text = Normalize(cursor);
        string? key = null;
        try
        {
            key = Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            // Reported below together with cursors that decode but name nothing in this list.
        }

        if (key is not null && positions.TryGetValue(key, out var position))
        {
            return position;
        }

        throw SeiProblemException.Validation(
            product,
            [new SeiFieldError(name, location, "not a cursor of this list; use the values from the paging object of the previous page")]);
    }

    // The shown items are in list order, so the count of those before a position is found by binary search.
    private static int CountBefore<T>(List<(T Item, int Position)> shown, int position)
    {
        int low = 0, high = shown.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (shown[middle].Position < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Writes a list answer: <c>{ data: [...], paging: {...} }</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="page">The page.</param>
    /// <param name="represent">Turns an item into its JSON representation.</param>
    /// <returns>The list body.</returns>
    public static JsonObject ToListBody<T>(Page<T> page, Func<T, JsonNode> represent)
    {
        var data = new JsonArray();
        foreach (var item in page.Items)
        {
            data.Add(represent(item));
        }

        return new JsonObject { ["data"] = data, ["paging"] = page.PagingObject };
    }
}
