namespace Sei.Client.Json;

// The contracts of the values JSON carries as one token. Reading is tolerant where servers commonly
// differ from their documents (numbers and Booleans sent as strings, and the other way round), as
// SeiJson's readers are; writing is exact and allocation-free.

/// <summary>Reads and writes <see cref="string"/>; numbers and Booleans are read as their JSON text.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonString : ISeiJsonContract<string>
{
    /// <inheritdoc/>
    public string Read(ref Utf8JsonReader reader) => SeiJson.ReadString(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);
}

/// <summary>Reads and writes <see cref="bool"/>, accepting <c>"true"</c> and <c>"false"</c> as strings.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonBoolean : ISeiJsonContract<bool>
{
    /// <inheritdoc/>
    public bool Read(ref Utf8JsonReader reader) => SeiJson.ReadBoolean(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);
}

/// <summary>Reads and writes <see cref="int"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonInt32 : ISeiJsonContract<int>
{
    /// <inheritdoc/>
    public int Read(ref Utf8JsonReader reader) => SeiJson.ReadInt32(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);
}

/// <summary>Reads and writes <see cref="long"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonInt64 : ISeiJsonContract<long>
{
    /// <inheritdoc/>
    public long Read(ref Utf8JsonReader reader) => SeiJson.ReadInt64(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);
}

/// <summary>Reads and writes <see cref="float"/>; non-finite values, which JSON numbers cannot hold, as strings.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonSingle : ISeiJsonContract<float>
{
    /// <inheritdoc/>
    public float Read(ref Utf8JsonReader reader) => SeiJson.ReadSingle(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, float value) => SeiJsonWrite.Single(writer, value);
}

/// <summary>Reads and writes <see cref="double"/>; non-finite values, which JSON numbers cannot hold, as strings.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonDouble : ISeiJsonContract<double>
{
    /// <inheritdoc/>
    public double Read(ref Utf8JsonReader reader) => SeiJson.ReadDouble(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, double value) => SeiJsonWrite.Double(writer, value);
}

/// <summary>Reads and writes <see cref="decimal"/> without binary rounding.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonDecimal : ISeiJsonContract<decimal>
{
    /// <inheritdoc/>
    public decimal Read(ref Utf8JsonReader reader) => SeiJson.ReadDecimal(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);
}

/// <summary>Reads and writes <see cref="System.Guid"/> as a string.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonGuid : ISeiJsonContract<Guid>
{
    /// <inheritdoc/>
    public Guid Read(ref Utf8JsonReader reader) => SeiJson.ReadGuid(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);
}

/// <summary>Reads and writes an RFC 3339 <c>date-time</c> as <see cref="System.DateTimeOffset"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonDateTimeOffset : ISeiJsonContract<DateTimeOffset>
{
    /// <inheritdoc/>
    public DateTimeOffset Read(ref Utf8JsonReader reader) => SeiJson.ReadDateTimeOffset(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, DateTimeOffset value) => SeiJsonWrite.DateTimeOffset(writer, value);
}

/// <summary>Reads and writes an RFC 3339 <c>full-date</c> as a <see cref="System.DateTime"/> at midnight (for targets without <c>DateOnly</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonDate : ISeiJsonContract<DateTime>
{
    /// <inheritdoc/>
    public DateTime Read(ref Utf8JsonReader reader) => SeiJson.ReadDate(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, DateTime value) => SeiJsonWrite.Date(writer, value);
}

#if NET6_0_OR_GREATER
/// <summary>Reads and writes an RFC 3339 <c>full-date</c> as <see cref="DateOnly"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonDateOnly : ISeiJsonContract<DateOnly>
{
    /// <inheritdoc/>
    public DateOnly Read(ref Utf8JsonReader reader) => SeiJson.ReadDateOnly(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, DateOnly value) => SeiJsonWrite.Date(writer, value);
}
#endif

/// <summary>Reads and writes an absolute or relative <see cref="System.Uri"/> as a string.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonUri : ISeiJsonContract<Uri>
{
    /// <inheritdoc/>
    public Uri Read(ref Utf8JsonReader reader) => SeiJson.ReadUri(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, Uri value) => SeiJsonWrite.Uri(writer, value);
}

/// <summary>Reads and writes bytes as Base64 text (the OpenAPI <c>byte</c> format).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonBytes : ISeiJsonContract<byte[]>
{
    /// <inheritdoc/>
    public byte[] Read(ref Utf8JsonReader reader) => SeiJson.ReadBytes(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);
}

/// <summary>Reads and writes a file carried in JSON as Base64 text.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonFile : ISeiJsonContract<SeiFile>
{
    /// <inheritdoc/>
    public SeiFile Read(ref Utf8JsonReader reader) => SeiJson.ReadFile(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, SeiFile value) => SeiJsonWrite.File(writer, value);
}

/// <summary>Reads and writes any JSON value as a <see cref="JsonElement"/> that outlives the reader.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SeiJsonElement : ISeiJsonContract<JsonElement>
{
    /// <inheritdoc/>
    public JsonElement Read(ref Utf8JsonReader reader) => SeiJson.ReadElement(ref reader);

    /// <inheritdoc/>
    public void Write(Utf8JsonWriter writer, JsonElement value) => SeiJsonWrite.Element(writer, value);
}
