using System;
using System.Globalization;
using System.Text;

namespace Sei.Benchmarks.Payloads;

/// <summary>
/// The pseudo-random source every payload is drawn from. <see cref="Random(int)"/> with a seed
/// produces the same sequence on every run and every .NET version, so a seed names one payload.
/// </summary>
internal sealed class PayloadRandom
{
    private static readonly DateTimeOffset Epoch = new(2010, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] FirstNames = { "Dana", "Luis", "Priya", "Tomasz", "Akira", "Grace", "Omar", "Ingrid", "Kwame", "Sofia", "Mei", "Rafael" };

    private static readonly string[] LastNames = { "Whitfield", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Castellanos", "Novak", "Abernathy", "Haddad", "Pereira" };

    private static readonly string[] Currencies = { "USD", "USD", "USD", "EUR", "GBP", "CAD" };

    private readonly Random _random;

    /// <summary>Initializes a new instance of the <see cref="PayloadRandom"/> class.</summary>
    /// <param name="seed">The seed that names the payload.</param>
    public PayloadRandom(int seed) => _random = new Random(seed);

    /// <summary>Returns true with the given probability.</summary>
    /// <param name="probability">Between 0 and 1.</param>
    /// <returns>The draw.</returns>
    public bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>Returns an integer in [min, max).</summary>
    /// <param name="min">The inclusive lower bound.</param>
    /// <param name="max">The exclusive upper bound.</param>
    /// <returns>The draw.</returns>
    public int Between(int min, int max) => _random.Next(min, max);

    /// <summary>Picks one of the items.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The draw.</returns>
    public T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    /// <summary>Returns an amount of money with two decimal places below the given bound.</summary>
    /// <param name="max">The exclusive upper bound.</param>
    /// <returns>The draw.</returns>
    public decimal Amount(int max) => Math.Round((decimal)(_random.NextDouble() * max), 2);

    /// <summary>Returns a quantity with up to three decimal places, as fractional share counts have.</summary>
    /// <returns>The draw.</returns>
    public double Quantity() => _random.Next(1, 5000) + Math.Round(_random.NextDouble(), 3);

    /// <summary>Returns an ISO 4217 currency code, mostly USD.</summary>
    /// <returns>The draw.</returns>
    public string Currency() => Pick(Currencies);

    /// <summary>Returns a person's full name.</summary>
    /// <returns>The draw.</returns>
    public (string First, string Last) Name() => (Pick(FirstNames), Pick(LastNames));

    /// <summary>Returns an RFC 3339 date-time in UTC with a <c>Z</c>, as SEI writes them.</summary>
    /// <returns>The draw.</returns>
    public string DateTime() => Epoch.AddSeconds(_random.Next(0, 15 * 365 * 86400)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Returns an RFC 3339 full-date.</summary>
    /// <returns>The draw.</returns>
    public string Date() => Epoch.AddDays(_random.Next(0, 15 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Returns a GUID made from the sequence, so it too depends only on the seed.</summary>
    /// <returns>The draw.</returns>
    public Guid Guid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Returns an opaque SEI cursor: the base64 of an entity identifier.</summary>
    /// <param name="id">The identifier the cursor points after.</param>
    /// <returns>The cursor, as <c>paging</c> carries it.</returns>
    public static string Cursor(string id) => "before=&after=" + Convert.ToBase64String(Encoding.UTF8.GetBytes(id));
}
