using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Sei.Benchmarks.Payloads;
using Sei.Benchmarks.Sides;
using Sei.Benchmarks.Verification;

namespace Sei.Benchmarks.Benchmarks;

/// <summary>
/// Reads and writes one payload with the generated models and with System.Text.Json's source
/// generator on hand-written types (the baseline of each category, so Ratio is generated over STJ).
/// Reading starts from the payload's bytes; writing goes to a reused buffer, so neither measures
/// copying the result.
/// </summary>
/// <typeparam name="TGenerated">The generated model of the payload.</typeparam>
/// <typeparam name="TStj">The hand-written type of the payload.</typeparam>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class SerializerBenchmarks<TGenerated, TStj>
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024 * 1024);
    private Utf8JsonWriter _writer = null!;
    private TGenerated _generated = default!;
    private TStj _stj = default!;

    /// <summary>Gets the payload's bytes.</summary>
    protected byte[] Json { get; private set; } = null!;

    /// <summary>Gets the shape measured.</summary>
    protected abstract PayloadShape Shape { get; }

    /// <summary>Gets the source-generated metadata of <typeparamref name="TStj"/>.</summary>
    protected abstract JsonTypeInfo<TStj> StjType { get; }

    /// <summary>Makes the payload, fails unless every measured side round-trips it, and reads the values to write.</summary>
    [GlobalSetup]
    public virtual void Setup()
    {
        Json = Payload.Create(Shape);
        RoundTripCheck.Require(Shape, Json);
        _generated = GeneratedSide.Deserialize<TGenerated>(Json);
        _stj = StjSide.Deserialize(Json, StjType);
        _writer = new Utf8JsonWriter(_buffer);
    }

    /// <summary>Releases the writer.</summary>
    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    /// <summary>System.Text.Json source generation reads the payload.</summary>
    /// <returns>The value.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Deserialize")]
    public TStj DeserializeStjSourceGen() => StjSide.Deserialize(Json, StjType);

    /// <summary>The generated models read the payload.</summary>
    /// <returns>The value.</returns>
    [Benchmark]
    [BenchmarkCategory("Deserialize")]
    public TGenerated DeserializeGenerated() => GeneratedSide.Deserialize<TGenerated>(Json);

    /// <summary>System.Text.Json source generation writes the value.</summary>
    /// <returns>The bytes written.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Serialize")]
    public long SerializeStjSourceGen()
    {
        var writer = Restart();
        StjSide.Serialize(writer, _stj, StjType);
        return writer.BytesCommitted;
    }

    /// <summary>The generated models write the value.</summary>
    /// <returns>The bytes written.</returns>
    [Benchmark]
    [BenchmarkCategory("Serialize")]
    public long SerializeGenerated()
    {
        var writer = Restart();
        GeneratedSide.Serialize(writer, _generated);
        return writer.BytesCommitted;
    }

    private Utf8JsonWriter Restart()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        return _writer;
    }
}
