using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Sei.Sandbox.Http;
using Sei.Testing;

namespace Sei.Sandbox.Payments;

/// <summary>
/// Indicative exchange rates (getExchangeRate), from a fixed table so that samples show the same
/// numbers on every run. Each regional desk quotes with its own small spread.
/// </summary>
internal static class ExchangeRates
{
    /// <summary>The desks a session may be pinned to (the <c>session-region</c> cookie).</summary>
    public static readonly string[] Regions = ["US", "EU", "APAC"];

    // Units of each currency per US dollar; a cross rate is the ratio of two entries.
    private static readonly Dictionary<string, double> PerUsDollar = new(StringComparer.Ordinal)
    {
        ["USD"] = 1.0,
        ["EUR"] = 0.9230,
        ["GBP"] = 0.7890,
        ["JPY"] = 151.20,
        ["CHF"] = 0.8810,
        ["CAD"] = 1.3540,
    };

    private static readonly Dictionary<string, double> RegionSpread = new(StringComparer.Ordinal)
    {
        ["US"] = 0.0,
        ["EU"] = 0.0002,
        ["APAC"] = -0.0002,
    };

    /// <summary>Quotes a currency pair.</summary>
    /// <param name="currencyPair">The pair, such as <c>EUR-USD</c>, already checked against the document's pattern.</param>
    /// <param name="region">The desk quoting it.</param>
    /// <param name="amount">An amount of the base currency to convert, if any.</param>
    /// <param name="source">The URL the rate was read from, for the <c>source</c> property.</param>
    /// <returns>The <c>ExchangeRate</c> representation; a 404 is thrown for a currency the desk does not quote.</returns>
    public static JsonObject Quote(string currencyPair, string region, double? amount, string source)
    {
        var baseCurrency = currencyPair[..3];
        var quoteCurrency = currencyPair[4..];
        if (!PerUsDollar.TryGetValue(baseCurrency, out var basePerUsd) || !PerUsDollar.TryGetValue(quoteCurrency, out var quotePerUsd))
        {
            throw SeiProblemException.NotFound("payments", "exchange_rate", currencyPair);
        }

        var rate = Math.Round(quotePerUsd / basePerUsd * (1 + RegionSpread[region]), 4);
        return new JsonObject
        {
            ["currencyPair"] = currencyPair,
            ["rate"] = rate,
            ["inverseRate"] = Math.Round(1 / rate, 4),

            // convertedAmount is nullable: without an amount to convert there is nothing to show, which null says.
            ["convertedAmount"] = amount is { } value ? Math.Round(value * rate, 2) : null,

            // Rates are indicative and re-quoted on the hour, so asOf is the start of the current hour.
            ["asOf"] = JsonResponses.Timestamp(TruncateToHour(DateTimeOffset.UtcNow)),
            ["region"] = region,
            ["source"] = source,
        };
    }

    private static DateTimeOffset TruncateToHour(DateTimeOffset moment) =>
        new(moment.Year, moment.Month, moment.Day, moment.Hour, 0, 0, TimeSpan.Zero);
}
