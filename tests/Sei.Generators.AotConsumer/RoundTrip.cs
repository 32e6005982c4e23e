using Sei.AotConsumer.Accounts.V2;

namespace Sei.AotConsumer;

/// <summary>Uses generated types and converters the way an application would, so the trim and AOT analyzers see real call paths.</summary>
public static class RoundTrip
{
    /// <summary>Reads an account group (a recursive schema) and writes it back, without reflection.</summary>
    /// <param name="json">The JSON of an account group.</param>
    /// <returns>The JSON written back.</returns>
    public static string AccountGroup(string json)
    {
        var group = Sei.Client.Json.SeiJson.Deserialize<AccountGroup>(json);
        return Sei.Client.Json.SeiJson.Serialize(group);
    }

    /// <summary>Names the types of both API versions side by side.</summary>
    /// <returns>The two client type names.</returns>
    public static string Versions() => typeof(Sei.AotConsumer.Accounts.V1.AccountsClient).FullName + " " + typeof(AccountsClient).FullName + " " + typeof(Sei.AotConsumer.Payments.V1.PaymentsApi).FullName;
}
