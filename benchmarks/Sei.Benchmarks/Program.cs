using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using Sei.Benchmarks.Payloads;
using Sei.Benchmarks.Verification;

namespace Sei.Benchmarks;

/// <summary>
/// Runs the suite. With no arguments, or BenchmarkDotNet's (<c>--filter '*'</c>, <c>--job short</c>),
/// it checks that every side round-trips every payload and then runs the benchmarks;
/// <c>--check</c> runs only the check; <c>--alternate</c> measures the sides of each payload taking
/// turns in one process; <c>--paging-walk</c> walks loopback pages and reports memory.
/// </summary>
public static class Program
{
    /// <summary>Runs the suite.</summary>
    /// <param name="args">BenchmarkDotNet's arguments, or <c>--check</c>, <c>--alternate</c> or <c>--paging-walk</c>.</param>
    /// <returns>0 on success, 1 when a measured side does not round-trip.</returns>
    public static async Task<int> Main(string[] args)
    {
        if (!ReportRoundTrips())
        {
            return 1;
        }

        if (args.Contains("--check"))
        {
            return 0;
        }

        if (args.Contains("--alternate"))
        {
            Alternating.AlternatingComparison.Run(Console.Out);
            return 0;
        }

        if (args.Contains("--paging-walk"))
        {
            await Paging.PagingWalkReport.RunAsync(Console.Out).ConfigureAwait(false);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static bool ReportRoundTrips()
    {
        Console.WriteLine("Round trip of each payload through each side (read, write back, compare with the payload):");
        var passed = true;
        foreach (var shape in Enum.GetValues<PayloadShape>())
        {
            var payload = Payload.Create(shape);
            var results = RoundTripCheck.Run(shape, payload);
            Console.WriteLine($"  {shape} ({payload.Length:N0} bytes):");
            foreach (var result in results)
            {
                var outcome = result.Difference is null ? "same data" : "differs at " + result.Difference;
                Console.WriteLine($"    {result.Side,-15} {outcome}");
                if (!result.Measured)
                {
                    Console.WriteLine($"    {string.Empty,-15} not measured: {Sides.SideCatalog.KiotaUnionExclusion}");
                }

                passed &= !result.Measured || result.Difference is null;
            }

            // The check is only worth something if it can fail: a payload with one digit changed must differ.
            if (JsonEquivalence.FirstDifference(payload, WithOneDigitChanged(payload)) is null)
            {
                Console.WriteLine("    the comparison does not tell a changed payload apart; the check proves nothing");
                passed = false;
            }
        }

        return passed;
    }

    private static byte[] WithOneDigitChanged(byte[] payload)
    {
        var changed = (byte[])payload.Clone();
        var index = Array.FindLastIndex(changed, b => b is >= (byte)'0' and <= (byte)'8');
        changed[index]++;
        return changed;
    }
}
