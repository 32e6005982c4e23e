using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Kiota.Abstractions.Serialization;
using Sei.Benchmarks.Sides;

namespace Sei.Benchmarks.Benchmarks;

/// <summary>
/// <see cref="SerializerBenchmarks{TGenerated, TStj}"/> with Kiota's generated models added, for the
/// payloads Kiota can read. Kiota writes into a stream of its own, as its request adapter does; the
/// benchmark returns that stream's length.
/// </summary>
/// <typeparam name="TGenerated">The generated model of the payload.</typeparam>
/// <typeparam name="TStj">The hand-written type of the payload.</typeparam>
/// <typeparam name="TKiota">Kiota's model of the payload.</typeparam>
public abstract class SerializerBenchmarksWithKiota<TGenerated, TStj, TKiota> : SerializerBenchmarks<TGenerated, TStj>
    where TKiota : IParsable
{
    private TKiota _kiota = default!;

    /// <summary>Gets Kiota's factory for <typeparamref name="TKiota"/>.</summary>
    protected abstract ParsableFactory<TKiota> KiotaFactory { get; }

    /// <inheritdoc/>
    public override void Setup()
    {
        base.Setup();
        _kiota = KiotaSide.DeserializeAsync(Json, KiotaFactory).GetAwaiter().GetResult();
    }

    /// <summary>Kiota's models read the payload.</summary>
    /// <returns>The value.</returns>
    [Benchmark]
    [BenchmarkCategory("Deserialize")]
    public Task<TKiota> DeserializeKiota() => KiotaSide.DeserializeAsync(Json, KiotaFactory);

    /// <summary>Kiota's models write the value.</summary>
    /// <returns>The bytes written.</returns>
    [Benchmark]
    [BenchmarkCategory("Serialize")]
    public long SerializeKiota()
    {
        using var content = KiotaSide.SerializeToStream(_kiota);
        return content.Length;
    }
}
