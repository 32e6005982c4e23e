using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sei.Sandbox.Http;

namespace Sei.Sandbox.Accounts;

/// <summary>
/// SEI Accounts API version 2 (<c>specs/accounts.v2.yaml</c>): the shared account operations,
/// with v2's statuses, <c>displayName</c>, <c>group</c>, <c>riskMatrix</c> and required
/// <c>asOf</c>, plus the new listAccountTransactions.
/// </summary>
internal static class AccountsV2Api
{
    private const string Product = "accounts";

    /// <summary>Maps the v2 operations.</summary>
    /// <param name="routes">Where to map them.</param>
    /// <param name="store">The accounts, shared with v1.</param>
    public static void Map(IEndpointRouteBuilder routes, AccountsStore store)
    {
        new AccountsApi(store, AccountsVersion.V2).Map(routes);
        routes.MapGet(AccountsVersion.V2.Root + "/{accountId}/transactions", new RequestDelegate(context => ListTransactionsAsync(context, store)));
    }

    private static Task ListTransactionsAsync(HttpContext context, AccountsStore store)
    {
        var account = store.Get(RouteValues.Get(context, "accountId"));
        var validation = new Validation(Product);
        var query = validation.Query(context);
        var request = query.Page();
        var kinds = query.Repeated("kind", TransactionsFeed.Kinds);
        var bookedFrom = query.DateTime("bookedFrom");
        var bookedTo = query.DateTime("bookedTo");
        validation.ThrowIfInvalid();

        var page = Paging.Cut(
            TransactionsFeed.For(account),
            transaction => (kinds.Count == 0 || kinds.Contains(transaction.Kind, StringComparer.Ordinal))
                && (bookedFrom is null || transaction.BookedAt >= bookedFrom)
                && (bookedTo is null || transaction.BookedAt <= bookedTo),
            transaction => transaction.Key,
            request,
            Product,
            "query");
        var baseUrl = JsonResponses.BaseUrl(context);
        return JsonResponses.WriteAsync(context, 200, Paging.ToListBody(page, transaction => TransactionsFeed.ToJson(transaction, account, baseUrl)));
    }
}
