using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Sei.Benchmarks.Payloads;
using Sei.Benchmarks.Stj;
using Sei.Benchmarks.Wealth.V1;
using Sei.Client;

namespace Sei.Benchmarks.Paging;

/// <summary>
/// Three ways to walk every page of <see cref="AccountsPageServer"/>: the generated client's
/// <c>ListAccountsAsync</c> (the subject), a hand-written loop over <see cref="HttpClient"/> with
/// System.Text.Json's source generator (the reference), and plain HTTP that reads and discards each
/// body (the floor: what the server and the HTTP stack allocate, whoever parses).
/// </summary>
internal sealed class PagingWalkers : IDisposable
{
    private readonly HttpClient _http;
    private readonly byte[] _discard = new byte[64 * 1024];

    /// <summary>Initializes a new instance of the <see cref="PagingWalkers"/> class.</summary>
    /// <param name="server">The server to walk.</param>
    public PagingWalkers(AccountsPageServer server)
    {
        Server = server;

        // The client a user gets from Create: SEI's handler pipeline (retries, redirects, logging) on its
        // own HttpClient. Its logger factory logs nothing, so the walk measures the client, not a log sink.
        Client = WealthClient.Create(new SeiClientOptions { BaseAddress = server.BaseAddress }, NullLoggerFactory.Instance);
        _http = new HttpClient { BaseAddress = server.BaseAddress };
    }

    /// <summary>Gets the server walked.</summary>
    public AccountsPageServer Server { get; }

    /// <summary>Gets the generated client.</summary>
    public WealthClient Client { get; }

    /// <summary>Walks every item with the generated client.</summary>
    /// <returns>How many accounts were read.</returns>
    public async Task<int> GeneratedAsync()
    {
        var count = 0;
        await foreach (var account in Client.ListAccountsAsync(limit: Payload.PageSize).ConfigureAwait(false))
        {
            count += account.AccountId.Length > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Walks every page with a hand-written loop and System.Text.Json source generation, following <c>paging.next</c>.</summary>
    /// <returns>How many accounts were read.</returns>
    public async Task<int> StjSourceGenAsync()
    {
        var count = 0;
        var url = AccountsPageServer.PageUrl(0);
        while (true)
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var page = await JsonSerializer.DeserializeAsync(stream, StjContext.Default.AccountList).ConfigureAwait(false)
                    ?? throw new JsonException("The page is null.");
                count += page.Data.Count;
                if (string.IsNullOrEmpty(page.Paging.Next))
                {
                    return count;
                }

                url = "v1/accounts?limit=" + page.Paging.Limit + "&" + page.Paging.Next;
            }
        }
    }

    /// <summary>Requests every page and discards the bodies.</summary>
    /// <returns>How many bytes were read.</returns>
    public async Task<long> RawHttpAsync()
    {
        long bytes = 0;
        for (var page = 0; page < Server.PageCount; page++)
        {
            using var response = await _http.GetAsync(AccountsPageServer.PageUrl(page), HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(_discard).ConfigureAwait(false)) > 0)
                {
                    bytes += read;
                }
            }
        }

        return bytes;
    }

    /// <summary>Fails unless each walk saw the whole listing, so no benchmark measures a walk cut short.</summary>
    /// <exception cref="InvalidOperationException">A walk saw too few or too many items.</exception>
    public void RequireWholeWalks()
    {
        var expected = Server.PageCount * Payload.PageSize;
        var generated = GeneratedAsync().GetAwaiter().GetResult();
        var stj = StjSourceGenAsync().GetAwaiter().GetResult();
        var bytes = RawHttpAsync().GetAwaiter().GetResult();
        if (generated != expected || stj != expected || bytes != Server.ListingBytes)
        {
            throw new InvalidOperationException(
                $"A paging walk did not see the whole listing of {Server.PageCount} pages: generated {generated} accounts, STJ {stj}, raw {bytes} bytes.");
        }
    }

    /// <summary>Releases the hand-written walk's HTTP client.</summary>
    public void Dispose() => _http.Dispose();
}
