using System.Text.Json.Serialization;

namespace Sei.Benchmarks.Stj;

/// <summary>
/// System.Text.Json's source generator over the hand-written types, in its default mode (metadata
/// and the serialization fast path). The options are the ones a hand-written SEI client would pick:
/// camelCase names, nulls left out when writing, and numbers only as JSON numbers (the default).
/// Enumerations are written by name through <c>JsonStringEnumConverter&lt;T&gt;</c> on each type.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AccountList))]
[JsonSerializable(typeof(Firm))]
[JsonSerializable(typeof(ActivityFeed))]
// Reached only through the hand-written union converters, which ask the options for their metadata.
[JsonSerializable(typeof(MoneyRange))]
[JsonSerializable(typeof(PersonParty))]
[JsonSerializable(typeof(InstitutionParty))]
public sealed partial class StjContext : JsonSerializerContext
{
}
