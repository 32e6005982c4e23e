using System;
using System.Collections.Generic;
using System.Linq;
using Sei.Benchmarks.Payloads;
using Sei.Benchmarks.Sides;

namespace Sei.Benchmarks.Verification;

/// <summary>The outcome of one side's round trip of one payload.</summary>
/// <param name="Side">The side's name.</param>
/// <param name="Difference">The first difference from the payload, or null when it came back whole.</param>
/// <param name="Measured">Whether the benchmarks measure this side on this payload.</param>
internal sealed record RoundTripResult(string Side, string? Difference, bool Measured);

/// <summary>
/// The startup check: each side reads each payload and writes it back, and what it writes must hold
/// the same data as the payload (<see cref="JsonEquivalence"/>). A side that loses data would be
/// measured doing less work, so a measured side that fails stops the run.
/// </summary>
internal static class RoundTripCheck
{
    /// <summary>Runs every side on a payload.</summary>
    /// <param name="shape">The payload's shape.</param>
    /// <param name="payload">The payload.</param>
    /// <returns>One result per side.</returns>
    public static IReadOnlyList<RoundTripResult> Run(PayloadShape shape, byte[] payload)
    {
        var sides = SideCatalog.For(shape);
        var results = new List<RoundTripResult>
        {
            new("generated", Try(() => sides.GeneratedRoundTrip(payload), payload), true),
            new("STJ source-gen", Try(() => sides.StjRoundTrip(payload), payload), true),
            new("Kiota", Try(() => sides.KiotaRoundTrip(payload), payload), sides.KiotaMeasured),
        };
        return results;
    }

    /// <summary>Runs every side on a payload and fails when a measured side loses data.</summary>
    /// <param name="shape">The payload's shape.</param>
    /// <param name="payload">The payload.</param>
    /// <exception cref="InvalidOperationException">A measured side did not round-trip the payload.</exception>
    public static void Require(PayloadShape shape, byte[] payload)
    {
        var failures = Run(shape, payload).Where(result => result.Measured && result.Difference is not null).ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException(
                "The " + shape + " payload does not round-trip, so its benchmark would measure a broken path: "
                + string.Join("; ", failures.Select(failure => failure.Side + " at " + failure.Difference)));
        }
    }

    private static string? Try(Func<byte[]> roundTrip, byte[] payload)
    {
        try
        {
            return JsonEquivalence.FirstDifference(payload, roundTrip());
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return "$: " + exception.GetType().Name + ": " + exception.Message;
        }
    }
}
