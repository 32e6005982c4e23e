using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Sei.Benchmarks.Paging;

namespace Sei.Benchmarks.Benchmarks;

/// <summary>
/// Walks a listing of <see cref="Pages"/> pages of 1,000 accounts over loopback HTTP. Allocated is
/// per walk: divided by <see cref="Pages"/> it is the cost of a page, which stays the same as the
/// listing grows when nothing of earlier pages is kept. <c>--paging-walk</c> reports that division
/// and the live heap after every page.
/// </summary>
[MemoryDiagnoser]
public class PagingWalk
{
    private AccountsPageServer _server = null!;
    private PagingWalkers _walkers = null!;

    /// <summary>Gets or sets how many pages the listing has.</summary>
    [Params(1, 4, 16)]
    public int Pages { get; set; }

    /// <summary>Starts the server and fails unless every walk sees the whole listing.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = new AccountsPageServer(Pages);
        _walkers = new PagingWalkers(_server);
        _walkers.RequireWholeWalks();
    }

    /// <summary>Stops the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _walkers.Dispose();
        _server.Dispose();
    }

    /// <summary>Plain HTTP: every page requested, every body read and discarded.</summary>
    /// <returns>The bytes read.</returns>
    [Benchmark(Baseline = true)]
    public Task<long> RawHttp() => _walkers.RawHttpAsync();

    /// <summary>The generated client's <c>ListAccountsAsync</c>.</summary>
    /// <returns>The accounts read.</returns>
    [Benchmark]
    public Task<int> GeneratedClient() => _walkers.GeneratedAsync();

    /// <summary>A hand-written loop with System.Text.Json source generation.</summary>
    /// <returns>The accounts read.</returns>
    [Benchmark]
    public Task<int> StjSourceGen() => _walkers.StjSourceGenAsync();
}
