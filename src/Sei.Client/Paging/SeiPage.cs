using System.Net.Http.Headers;

namespace Sei.Client;

/// <summary>One page of a cursor-paged list, with the <c>paging</c> object's figures and cursors.</summary>
/// <typeparam name="T">The item type.</typeparam>
public class SeiPage<T>
{
    /// <summary>Initializes a new instance of the <see cref="SeiPage{T}"/> class.</summary>
    /// <param name="items">The page's items.</param>
    /// <param name="totalCount">The number of items over all pages, when the server says.</param>
    /// <param name="limit">The page size the server applied, when it says.</param>
    /// <param name="cursors">The first, last, previous, next and self cursors.</param>
    /// <param name="response">The response the page came in.</param>
    public SeiPage(IReadOnlyList<T> items, long? totalCount, int? limit, SeiPageCursors cursors, SeiResponse response)
    {
        Items = items ?? throw new System.ArgumentNullException(nameof(items));
        TotalCount = totalCount;
        Limit = limit;
        Cursors = cursors ?? throw new System.ArgumentNullException(nameof(cursors));
        Response = response ?? throw new System.ArgumentNullException(nameof(response));
    }

    /// <summary>Gets the page's items.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Gets the number of items over all pages, when the server says.</summary>
    public long? TotalCount { get; }

    /// <summary>Gets the page size the server applied, when it says.</summary>
    public int? Limit { get; }

    /// <summary>Gets the page's cursors.</summary>
    public SeiPageCursors Cursors { get; }

    /// <summary>Gets the cursor of the next page, or <see langword="null"/> on the last page.</summary>
    public SeiCursor? Next => Cursors.Next;

    /// <summary>Gets the request's tracking ID. Log it: SEI support asks for it first.</summary>
    public string? TrackingId => Response.TrackingId;

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode => Response.StatusCode;

    /// <summary>Gets the response headers.</summary>
    public HttpResponseHeaders Headers => Response.Headers;

    /// <summary>Gets the response the page came in.</summary>
    public SeiResponse Response { get; }
}

/// <summary>
/// One page of a cursor-paged list whose operation declares response headers: <see cref="Response"/>
/// is the operation's own response type, with those headers typed.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <typeparam name="TResponse">The operation's response type.</typeparam>
public sealed class SeiPage<T, TResponse> : SeiPage<T>
    where TResponse : SeiResponse
{
    /// <summary>Initializes a new instance of the <see cref="SeiPage{T, TResponse}"/> class.</summary>
    /// <param name="items">The page's items.</param>
    /// <param name="totalCount">The number of items over all pages, when the server says.</param>
    /// <param name="limit">The page size the server applied, when it says.</param>
    /// <param name="cursors">The first, last, previous, next and self cursors.</param>
    /// <param name="response">The response the page came in.</param>
    public SeiPage(IReadOnlyList<T> items, long? totalCount, int? limit, SeiPageCursors cursors, TResponse response)
        : base(items, totalCount, limit, cursors, response)
    {
        Response = response;
    }

    /// <summary>Gets the response the page came in, with its declared headers typed.</summary>
    public new TResponse Response { get; }
}

/// <summary>The cursors of a <c>paging</c> object; each is <see langword="null"/> when absent, null or empty.</summary>
public sealed class SeiPageCursors
{
    /// <summary>Initializes a new instance of the <see cref="SeiPageCursors"/> class from the <c>paging</c> links.</summary>
    /// <param name="first">The <c>first</c> link.</param>
    /// <param name="last">The <c>last</c> link.</param>
    /// <param name="previous">The <c>previous</c> link.</param>
    /// <param name="next">The <c>next</c> link.</param>
    /// <param name="self">The <c>self</c> link.</param>
    public SeiPageCursors(string? first, string? last, string? previous, string? next, string? self)
    {
        First = SeiCursor.Parse(first);
        Last = SeiCursor.Parse(last);
        Previous = SeiCursor.Parse(previous);
        Next = SeiCursor.Parse(next);
        Self = SeiCursor.Parse(self);
    }

    /// <summary>Gets the first page's cursor.</summary>
    public SeiCursor? First { get; }

    /// <summary>Gets the last page's cursor.</summary>
    public SeiCursor? Last { get; }

    /// <summary>Gets the previous page's cursor.</summary>
    public SeiCursor? Previous { get; }

    /// <summary>Gets the next page's cursor; <see langword="null"/> on the last page.</summary>
    public SeiCursor? Next { get; }

    /// <summary>Gets this page's own cursor.</summary>
    public SeiCursor? Self { get; }
}
