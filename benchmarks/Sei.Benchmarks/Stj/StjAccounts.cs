using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

// Hand-written equivalents of the document's schemas, as a System.Text.Json user would write them,
// with the property types the generated models use (DateOnly, DateTimeOffset, Uri, decimal). Two
// things the generated models do are left out, because each costs System.Text.Json dearly and the
// baseline should be the fastest fair one (and the one issue 11 measured against):
// - `required` members, which the document's required properties would call for: they move the
//   source generator to its parameterized-constructor path, which buffers and boxes every member
//   (reading an account took 3 to 4 times as long, measured);
// - [JsonExtensionData] to keep unknown members: even empty, it costs 312 bytes per written object
//   that has nested objects (measured).
namespace Sei.Benchmarks.Stj;

/// <summary>A HATEOAS link.</summary>
public sealed class Link
{
    /// <summary>Gets or sets the relation.</summary>
    public string Rel { get; set; } = default!;

    /// <summary>Gets or sets the URL.</summary>
    public Uri Href { get; set; } = default!;
}

/// <summary>SEI's cursor-paging object.</summary>
public sealed class Paging
{
    /// <summary>Gets or sets the number of items in the listing.</summary>
    public long? TotalCount { get; set; }

    /// <summary>Gets or sets the page size.</summary>
    public int Limit { get; set; }

    /// <summary>Gets or sets the first page's cursor.</summary>
    public string? First { get; set; }

    /// <summary>Gets or sets the last page's cursor.</summary>
    public string? Last { get; set; }

    /// <summary>Gets or sets the previous page's cursor.</summary>
    public string? Previous { get; set; }

    /// <summary>Gets or sets the next page's cursor; null on the last page.</summary>
    public string? Next { get; set; }

    /// <summary>Gets or sets this page's cursor.</summary>
    public string? Self { get; set; }
}

/// <summary>An amount in a currency.</summary>
public sealed class Money
{
    /// <summary>Gets or sets the amount.</summary>
    public decimal Amount { get; set; }

    /// <summary>Gets or sets the ISO 4217 code.</summary>
    public string Currency { get; set; } = default!;
}

/// <summary>An account's status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountStatus>))]
public enum AccountStatus
{
    /// <summary>OPEN.</summary>
    [JsonStringEnumMemberName("OPEN")]
    Open,

    /// <summary>CLOSED.</summary>
    [JsonStringEnumMemberName("CLOSED")]
    Closed,

    /// <summary>FROZEN.</summary>
    [JsonStringEnumMemberName("FROZEN")]
    Frozen,
}

/// <summary>An account's type.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccountType>))]
public enum AccountType
{
    /// <summary>INDIVIDUAL.</summary>
    [JsonStringEnumMemberName("INDIVIDUAL")]
    Individual,

    /// <summary>JOINT.</summary>
    [JsonStringEnumMemberName("JOINT")]
    Joint,

    /// <summary>TRUST.</summary>
    [JsonStringEnumMemberName("TRUST")]
    Trust,

    /// <summary>IRA.</summary>
    [JsonStringEnumMemberName("IRA")]
    Ira,

    /// <summary>CORPORATE.</summary>
    [JsonStringEnumMemberName("CORPORATE")]
    Corporate,
}

/// <summary>A client account.</summary>
public sealed class Account
{
    /// <summary>Gets or sets the identifier.</summary>
    public string AccountId { get; set; } = default!;

    /// <summary>Gets or sets the status.</summary>
    public AccountStatus Status { get; set; }

    /// <summary>Gets or sets the type.</summary>
    public AccountType Type { get; set; }

    /// <summary>Gets or sets the risk level, 1 to 5 (an integer enumeration in the document).</summary>
    public int? RiskLevel { get; set; }

    /// <summary>Gets or sets the balance.</summary>
    public Money Balance { get; set; } = default!;

    /// <summary>Gets or sets the tags.</summary>
    public List<string>? Tags { get; set; }

    /// <summary>Gets or sets free-form attributes.</summary>
    public Dictionary<string, string>? Attributes { get; set; }

    /// <summary>Gets or sets the opening date.</summary>
    public DateOnly? OpenedOn { get; set; }

    /// <summary>Gets or sets the nickname.</summary>
    public string? Nickname { get; set; }

    /// <summary>Gets or sets the owner.</summary>
    public AccountOwner Owner { get; set; } = default!;

    /// <summary>Gets or sets when the account was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Gets or sets the account's URL.</summary>
    public Uri Href { get; set; } = default!;

    /// <summary>Gets or sets related resources.</summary>
    public List<Link>? Links { get; set; }
}

/// <summary>An account's owner.</summary>
public sealed class AccountOwner
{
    /// <summary>Gets or sets the name.</summary>
    public string Name { get; set; } = default!;

    /// <summary>Gets or sets the e-mail address.</summary>
    public string? Email { get; set; }
}

/// <summary>A page of accounts.</summary>
public sealed class AccountList
{
    /// <summary>Gets or sets the accounts.</summary>
    public List<Account> Data { get; set; } = default!;

    /// <summary>Gets or sets the paging object.</summary>
    public Paging Paging { get; set; } = default!;
}
