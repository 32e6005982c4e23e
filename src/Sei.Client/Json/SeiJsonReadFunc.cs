namespace Sei.Client.Json;

/// <summary>Reads one JSON value, starting at the reader's current token, into a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The type read.</typeparam>
/// <param name="reader">The reader, positioned on the value's first token; left on its last token.</param>
/// <returns>The value read.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T SeiJsonReadFunc<T>(ref Utf8JsonReader reader);
