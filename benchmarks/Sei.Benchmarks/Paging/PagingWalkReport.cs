using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Sei.Benchmarks.Payloads;
using Sei.Benchmarks.Sides;
using Sei.Client;

namespace Sei.Benchmarks.Paging;

/// <summary>
/// <c>--paging-walk</c>: walks listings of growing length with the generated client and reports
/// (1) the bytes allocated per page, against plain HTTP's, which must not grow with the listing, and
/// (2) the live managed heap after a full collection at every page boundary, which must stay at
/// about one page of accounts: a walk that kept earlier pages would climb by that much per page.
/// </summary>
internal static class PagingWalkReport
{
    private static readonly int[] PageCounts = { 1, 4, 16, 64 };

    /// <summary>Runs the walks and writes the report.</summary>
    /// <param name="output">Where the report goes.</param>
    /// <returns>A task that completes when the report is written.</returns>
    public static async Task RunAsync(TextWriter output)
    {
        var onePage = LiveBytesOfOnePage();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Paging walk: the generated client's ListAccountsAsync over loopback HTTP, pages of {Payload.PageSize:N0} accounts."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"One page held as generated objects: {Mb(onePage)} live."));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| pages | allocated per page: generated client | plain HTTP (server + HttpClient) | client's own | live heap after GC, first page boundary → last | growth per page | growth per page, ListAccountsPageAsync loop |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|---:|");
        var lastSamples = new List<long>();
        foreach (var pages in PageCounts)
        {
            using var server = new AccountsPageServer(pages);
            using var walkers = new PagingWalkers(server);
            walkers.RequireWholeWalks();

            var generated = await AllocatedPerPageAsync(() => walkers.GeneratedAsync(), pages).ConfigureAwait(false);
            var raw = await AllocatedPerPageAsync(() => walkers.RawHttpAsync(), pages).ConfigureAwait(false);
            var live = await LiveHeapAtPageBoundariesAsync(walkers).ConfigureAwait(false);
            var pageByPage = await LiveHeapPageByPageAsync(walkers).ConfigureAwait(false);
            lastSamples = live;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {pages} | {Mb(generated)} | {Mb(raw)} | {Mb(generated - raw)} | {Mb(live[0])} → {Mb(live[^1])} (max {Mb(live.Max())}) | {Slope(live):N0} B | {Slope(pageByPage):N0} B |"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Live heap at each page boundary of the {PageCounts[^1]}-page walk, KB: {string.Join(' ', lastSamples.Select(bytes => bytes / 1024))}"));

        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Process peak working set: {Mb(Process.GetCurrentProcess().PeakWorkingSet64)} (the whole process, runtime included)."));
    }

    // Least-squares growth per page, so one noisy sample does not read as a trend.
    private static double Slope(List<long> samples)
    {
        if (samples.Count < 2)
        {
            return 0;
        }

        var meanX = (samples.Count - 1) / 2.0;
        var meanY = samples.Average();
        var covariance = samples.Select((y, x) => (x - meanX) * (y - meanY)).Sum();
        var variance = samples.Select((_, x) => (x - meanX) * (x - meanX)).Sum();
        return covariance / variance;
    }

    private static async Task<long> AllocatedPerPageAsync<T>(Func<Task<T>> walk, int pages)
    {
        await walk().ConfigureAwait(false);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await walk().ConfigureAwait(false);
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / pages;
    }

    // The live heap above what was live before the walk, taken as each page's first item arrives:
    // the enumerator then holds that page, and nothing of the pages before it should be reachable.
    // Task.Yield first moves the sample off the enumerator's call stack: the continuation runs inside
    // the frames that fetched the page, and their stack slots would otherwise show as live objects.
    private static async Task<List<long>> LiveHeapAtPageBoundariesAsync(PagingWalkers walkers)
    {
        var samples = new List<long>();
        var baseline = FullyCollectedHeap();
        var index = 0;
        await foreach (var account in walkers.Client.ListAccountsAsync(limit: Payload.PageSize).ConfigureAwait(false))
        {
            if (index++ % Payload.PageSize == 0)
            {
                GC.KeepAlive(account);
                await Task.Yield();
                samples.Add(FullyCollectedHeap() - baseline);
            }
        }

        return samples;
    }

    // The same samples for a caller that walks page by page with ListAccountsPageAsync and page.Next,
    // which keeps no state between pages of its own: what the enumerator keeps shows as the difference.
    private static async Task<List<long>> LiveHeapPageByPageAsync(PagingWalkers walkers)
    {
        var samples = new List<long>();
        var baseline = FullyCollectedHeap();
        SeiCursor? cursor = null;
        do
        {
            var page = await walkers.Client.ListAccountsPageAsync(limit: Payload.PageSize, cursor: cursor).ConfigureAwait(false);
            await Task.Yield();
            samples.Add(FullyCollectedHeap() - baseline);
            cursor = page.Next;
            GC.KeepAlive(page);
        }
        while (cursor is not null);

        return samples;
    }

    private static long LiveBytesOfOnePage()
    {
        var json = Payload.Create(PayloadShape.AccountsPage);
        var before = FullyCollectedHeap();
        var page = GeneratedSide.Deserialize<Wealth.V1.AccountList>(json);
        var after = FullyCollectedHeap();
        GC.KeepAlive(page);
        return after - before;
    }

    private static long FullyCollectedHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.00", CultureInfo.InvariantCulture) + " MB";
}
