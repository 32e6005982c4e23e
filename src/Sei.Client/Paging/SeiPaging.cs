using System.Runtime.CompilerServices;

namespace Sei.Client;

/// <summary>Walks a cursor-paged operation page by page, lazily: the next page is requested only when the caller reaches it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SeiPaging
{
    /// <summary>Enumerates the items of every page, following <c>next</c> until it is absent, null or empty.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="operationName">The operation, for the repeated-cursor error.</param>
    /// <param name="fetchPage">Fetches the page at a cursor (<see langword="null"/> for the first page).</param>
    /// <param name="cancellationToken">Cancels between and during page requests.</param>
    /// <returns>The items, in order.</returns>
    public static async IAsyncEnumerable<T> EnumerateAsync<T>(
        string operationName,
        Func<SeiCursor?, CancellationToken, Task<SeiPage<T>>> fetchPage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (fetchPage is null)
        {
            throw new ArgumentNullException(nameof(fetchPage));
        }

        var seen = new HashSet<SeiCursor>();
        SeiCursor? cursor = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            Http.SeiMetrics.Page(operationName);
            foreach (var item in page.Items)
            {
                // Checked per item, so a cancelled loop stops at once rather than at the end of the page.
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            if (page.Next is not { } next)
            {
                yield break;
            }

            if (!seen.Add(next))
            {
                throw new SeiPagingException(operationName, next, page.TrackingId);
            }

            cursor = next;
        }
    }
}
