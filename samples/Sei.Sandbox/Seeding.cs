using System;

namespace Sei.Sandbox;

/// <summary>
/// Deterministic sample data. Every run of the sandbox starts from the same accounts and
/// payments, so samples, tests and documentation can name them (ACC-00000137, PAY-000001).
/// </summary>
internal static class Seeding
{
    /// <summary>The moment the seeded history is anchored to, so that seeded dates do not move from run to run.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 2, 3, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Creates the random source for one kind of seeded data.</summary>
    /// <param name="seed">The seed; the same seed gives the same data.</param>
    /// <returns>The random source.</returns>
    /// <remarks>A seeded <see cref="System.Random"/> on purpose: sample data must be reproducible, not unpredictable, and nothing here is security-sensitive.</remarks>
    public static Random Random(int seed) => new(seed);

    /// <summary>Draws a GUID from a seeded source, shaped as a version-4 GUID.</summary>
    /// <param name="random">The seeded source.</param>
    /// <returns>The GUID.</returns>
    public static Guid NextGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);

        // The version nibble sits in the high half of byte 7 and the variant in the top bits of byte 8 of this byte order.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Picks one item from a list.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="random">The seeded source.</param>
    /// <param name="items">The items.</param>
    /// <returns>One of the items.</returns>
    public static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];
}
