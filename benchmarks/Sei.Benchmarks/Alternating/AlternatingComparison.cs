using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Kiota.Abstractions.Serialization;
using Sei.Benchmarks.Payloads;
using Sei.Benchmarks.Sides;
using Sei.Benchmarks.Stj;
using GeneratedModels = Sei.Benchmarks.Wealth.V1;
using KiotaModels = Sei.Benchmarks.Kiota.Models;

namespace Sei.Benchmarks.Alternating;

/// <summary>
/// <c>--alternate</c>: the sides of each payload measured in one process, taking turns round after
/// round, as issue 11 measured them. On a machine other processes share, BenchmarkDotNet's means
/// drift with the load between one benchmark and the next; here every round runs every side within
/// milliseconds of the others, so a burst of load hits them alike, and the median of the per-round
/// ratios is steady where the means are not. Allocation is exact: bytes per operation on this thread.
/// </summary>
internal static class AlternatingComparison
{
    private const int Rounds = 41;

    private const double TurnMilliseconds = 20;

    /// <summary>Runs every payload's comparison and writes one table.</summary>
    /// <param name="output">Where the table goes.</param>
    public static void Run(TextWriter output)
    {
        output.WriteLine($"Alternating comparison: {Rounds} rounds, each side in turn per round (turns of about {TurnMilliseconds} ms for the fastest side); time is the median per operation, and the time ratio the median of the per-round ratios to STJ source-gen (below 1 is faster).");
        output.WriteLine();
        output.WriteLine("| payload | operation | side | median time | time ratio to STJ (median of rounds) | allocated per op | allocation ratio to STJ |");
        output.WriteLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var shape in Enum.GetValues<PayloadShape>())
        {
            var json = Payload.Create(shape);
            foreach (var operation in Operations(shape, json))
            {
                Report(output, shape, operation);
            }
        }
    }

    private static void Report(TextWriter output, PayloadShape shape, Operation operation)
    {
        var sides = operation.Sides;
        var times = sides.Select(_ => new List<double>()).ToArray();
        var ratios = sides.Select(_ => new List<double>()).ToArray();
        var allocated = new long[sides.Count];

        for (var i = 0; i < sides.Count; i++)
        {
            // Warm-up: tiered compilation reaches its optimised code before the first measured round.
            for (var w = 0; w < 50; w++)
            {
                sides[i].Run();
            }

            allocated[i] = AllocatedPerRun(sides[i].Run);
        }

        // Enough repetitions that the fastest side's turn lasts about TurnMilliseconds, timed once warm,
        // so the timer's grain and a single stall weigh little.
        var fastest = sides.Min(side => TimeTurn(side.Run, 5));
        var repetitions = Math.Max(1, (int)(TurnMilliseconds / Math.Max(0.001, fastest)));

        for (var round = 0; round < Rounds; round++)
        {
            // The order rotates, so no side always runs right after a collection caused by another.
            for (var k = 0; k < sides.Count; k++)
            {
                var i = (k + round) % sides.Count;
                times[i].Add(TimeTurn(sides[i].Run, repetitions));
            }

            for (var i = 0; i < sides.Count; i++)
            {
                ratios[i].Add(times[i][round] / times[0][round]);
            }
        }

        for (var i = 0; i < sides.Count; i++)
        {
            var allocationRatio = allocated[0] == 0 ? (allocated[i] == 0 ? "1.00" : "∞") : ((double)allocated[i] / allocated[0]).ToString("0.00", CultureInfo.InvariantCulture);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {shape} | {operation.Name} | {sides[i].Name} | {Median(times[i]) * 1000:N1} µs | {Median(ratios[i]):0.00} | {allocated[i]:N0} B | {allocationRatio} |"));
        }
    }

    private static double TimeTurn(Action run, int repetitions)
    {
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < repetitions; r++)
        {
            run();
        }

        return watch.Elapsed.TotalMilliseconds / repetitions;
    }

    private static long AllocatedPerRun(Action run)
    {
        const int Runs = 20;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < Runs; r++)
        {
            run();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Runs;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static IEnumerable<Operation> Operations(PayloadShape shape, byte[] json) => shape switch
    {
        PayloadShape.AccountsPage => Operations<GeneratedModels.AccountList, AccountList, KiotaModels.AccountList>(json, StjContext.Default.AccountList, KiotaModels.AccountList.CreateFromDiscriminatorValue),
        PayloadShape.DeepObject => Operations<GeneratedModels.Firm, Firm, KiotaModels.Firm>(json, StjContext.Default.Firm, KiotaModels.Firm.CreateFromDiscriminatorValue),
        PayloadShape.UnionHeavy => Operations<GeneratedModels.ActivityFeed, ActivityFeed, KiotaModels.ActivityFeed>(json, StjContext.Default.ActivityFeed, kiotaFactory: null),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Not a payload shape."),
    };

    private static IEnumerable<Operation> Operations<TGenerated, TStj, TKiota>(byte[] json, JsonTypeInfo<TStj> stjType, ParsableFactory<TKiota>? kiotaFactory)
        where TKiota : IParsable
    {
        var buffer = new ArrayBufferWriter<byte>(json.Length * 2);
        var writer = new Utf8JsonWriter(buffer);
        Utf8JsonWriter Restart()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            return writer;
        }

        var generated = GeneratedSide.Deserialize<TGenerated>(json);
        var stj = StjSide.Deserialize(json, stjType);

        var read = new List<Side>
        {
            new("STJ source-gen", () => StjSide.Deserialize(json, stjType)),
            new("generated", () => GeneratedSide.Deserialize<TGenerated>(json)),
        };
        var write = new List<Side>
        {
            new("STJ source-gen", () => StjSide.Serialize(Restart(), stj, stjType)),
            new("generated", () => GeneratedSide.Serialize(Restart(), generated)),
        };

        // Kiota only where it reads the payload whole (SideCatalog.KiotaUnionExclusion).
        if (kiotaFactory is not null)
        {
            var kiota = KiotaSide.DeserializeAsync(json, kiotaFactory).GetAwaiter().GetResult();
            read.Add(new("Kiota", () => KiotaSide.DeserializeAsync(json, kiotaFactory).GetAwaiter().GetResult()));
            write.Add(new("Kiota", () => KiotaSide.SerializeToStream(kiota).Dispose()));
        }

        yield return new Operation("deserialize", read);
        yield return new Operation("serialize", write);
    }

    private sealed record Side(string Name, Action Run);

    private sealed record Operation(string Name, IReadOnlyList<Side> Sides);
}
