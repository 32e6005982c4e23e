using System;
using System.Collections.Generic;
using System.Linq;

namespace Sei.Sandbox.Accounts;

/// <summary>
/// What differs between v1 and v2 of the Accounts API where they share an operation: the
/// path root, the status values, the name of the nickname property and the v2-only properties.
/// </summary>
internal sealed class AccountsVersion
{
    private AccountsVersion(string name, IReadOnlyList<string> statuses, string nicknameProperty, bool extended)
    {
        Name = name;
        Statuses = statuses;
        NicknameProperty = nicknameProperty;
        Extended = extended;
    }

    /// <summary>Gets version 1: FROZEN exists, the nickname is <c>nickname</c>.</summary>
    public static AccountsVersion V1 { get; } = new("v1", ["OPEN", "CLOSED", "FROZEN"], "nickname", extended: false);

    /// <summary>Gets version 2: PENDING_CLOSURE replaces FROZEN, the nickname is <c>displayName</c>, accounts carry <c>group</c> and <c>riskMatrix</c>.</summary>
    public static AccountsVersion V2 { get; } = new("v2", ["OPEN", "CLOSED", "PENDING_CLOSURE"], "displayName", extended: true);

    /// <summary>Gets the version's path segment, <c>v1</c> or <c>v2</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the <c>AccountStatus</c> values of this version.</summary>
    public IReadOnlyList<string> Statuses { get; }

    /// <summary>Gets the name of the nickname property in this version.</summary>
    public string NicknameProperty { get; }

    /// <summary>Gets a value indicating whether the version has <c>group</c>, <c>riskMatrix</c>, <c>asOf</c> and transactions.</summary>
    public bool Extended { get; }

    /// <summary>Gets the path of the accounts collection, such as <c>/v1/accounts</c>.</summary>
    public string Root => "/" + Name + "/accounts";

    /// <summary>Returns the status as this version shows it.</summary>
    /// <param name="stored">The stored status, which may be one only the other version knows.</param>
    /// <returns>One of <see cref="Statuses"/>.</returns>
    /// <remarks>
    /// A FROZEN account (v1 only) and an account PENDING_CLOSURE (v2 only) are both still open,
    /// so the version that lacks the value shows OPEN rather than a value its clients cannot expect.
    /// </remarks>
    public string WireStatus(string stored) => Statuses.Contains(stored, StringComparer.Ordinal) ? stored : "OPEN";
}
