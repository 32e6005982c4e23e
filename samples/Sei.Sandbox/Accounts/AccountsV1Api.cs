using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sei.Sandbox.Http;

namespace Sei.Sandbox.Accounts;

/// <summary>
/// SEI Accounts API version 1 (<c>specs/accounts.v1.yaml</c>): the shared account operations
/// plus the deprecated getAccountBalanceLegacy, which v2 removed.
/// </summary>
internal static class AccountsV1Api
{
    /// <summary>The date after which SEI stops serving the deprecated balance operation, as an RFC 8594 <c>Sunset</c> value.</summary>
    private const string BalanceSunset = "Wed, 31 Dec 2025 23:59:59 GMT";

    /// <summary>Maps the v1 operations.</summary>
    /// <param name="routes">Where to map them.</param>
    /// <param name="store">The accounts, shared with v2.</param>
    public static void Map(IEndpointRouteBuilder routes, AccountsStore store)
    {
        new AccountsApi(store, AccountsVersion.V1).Map(routes);
        routes.MapGet(AccountsVersion.V1.Root + "/{accountId}/balance", new RequestDelegate(context => GetBalanceLegacyAsync(context, store)));
    }

    private static Task GetBalanceLegacyAsync(HttpContext context, AccountsStore store)
    {
        var account = store.Get(RouteValues.Get(context, "accountId"));

        // The document gives the deprecated operation a Sunset header, which tells clients when it stops being served.
        context.Response.Headers["Sunset"] = BalanceSunset;
        return JsonResponses.WriteAsync(context, 200, AccountsJson.Balance(account, JsonResponses.BaseUrl(context), DateTimeOffset.UtcNow));
    }
}
