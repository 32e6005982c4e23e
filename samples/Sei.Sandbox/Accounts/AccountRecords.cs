using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sei.Sandbox.Accounts;

/// <summary>
/// One account as the sandbox stores it, shared by v1 and v2 of the Accounts API the way one
/// account is the same account whichever version reads it. Records are immutable: a change
/// stores a new record, so a request can represent a record while another request changes it.
/// </summary>
internal sealed record AccountRecord
{
    /// <summary>Gets the account's sequence number, the part of the identifier after <c>ACC-</c>.</summary>
    public required long Number { get; init; }

    /// <summary>Gets the account identifier, such as <c>ACC-00000137</c>.</summary>
    public string AccountId => FormatId(Number);

    /// <summary>Gets the status; the union of both versions' values (OPEN, CLOSED, FROZEN, PENDING_CLOSURE).</summary>
    public required string Status { get; init; }

    /// <summary>Gets the account type (INDIVIDUAL, JOINT, TRUST, IRA, CORPORATE).</summary>
    public required string Type { get; init; }

    /// <summary>Gets the risk level, 1 to 5.</summary>
    public int? RiskLevel { get; init; }

    /// <summary>Gets the balance's amount.</summary>
    public required decimal Balance { get; init; }

    /// <summary>Gets the balance's ISO 4217 currency code.</summary>
    public required string Currency { get; init; }

    /// <summary>Gets the tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Gets the free-form string attributes.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the day the account was opened.</summary>
    public DateOnly? OpenedOn { get; init; }

    /// <summary>Gets the nickname, which v1 calls <c>nickname</c> and v2 <c>displayName</c>.</summary>
    public string? Nickname { get; init; }

    /// <summary>Gets the owner's name.</summary>
    public required string OwnerName { get; init; }

    /// <summary>Gets the owner's e-mail address.</summary>
    public string? OwnerEmail { get; init; }

    /// <summary>Gets the owner's tax identifier, accepted on write and never returned.</summary>
    public string? TaxId { get; init; }

    /// <summary>Gets when the account was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets the identifier of the group (v2 only) the account belongs to, if any.</summary>
    public string? GroupId { get; init; }

    /// <summary>Gets the scenario-by-horizon risk scores (v2 only).</summary>
    public IReadOnlyList<IReadOnlyList<double>> RiskMatrix { get; init; } = [];

    /// <summary>Gets the account's holders.</summary>
    public IReadOnlyList<HolderRecord> Holders { get; init; } = [];

    /// <summary>Gets the documents uploaded for the account.</summary>
    public IReadOnlyList<DocumentRecord> Documents { get; init; } = [];

    /// <summary>Gets a value indicating whether the account was removed; removed records stay so that cursors that name them still resolve.</summary>
    public bool Deleted { get; init; }

    /// <summary>Formats an account number as an identifier.</summary>
    /// <param name="number">The account number.</param>
    /// <returns>The identifier, such as <c>ACC-00000137</c>.</returns>
    public static string FormatId(long number) => "ACC-" + number.ToString("D8", CultureInfo.InvariantCulture);
}

/// <summary>A person or entity that holds an account.</summary>
/// <param name="Number">The holder's sequence number; the identifier is <c>HLD-</c> and six digits.</param>
/// <param name="Name">The holder's name.</param>
/// <param name="Role">PRIMARY, JOINT, BENEFICIARY or TRUSTEE.</param>
/// <param name="Email">The holder's e-mail address.</param>
/// <param name="DateOfBirth">The holder's date of birth, for people.</param>
internal sealed record HolderRecord(long Number, string Name, string Role, string? Email, DateOnly? DateOfBirth)
{
    /// <summary>Gets the holder identifier, such as <c>HLD-000913</c>.</summary>
    public string HolderId => "HLD-" + Number.ToString("D6", CultureInfo.InvariantCulture);
}

/// <summary>A supporting document uploaded for an account.</summary>
/// <param name="DocumentId">The document's identifier.</param>
/// <param name="DocumentType">PROOF_OF_ADDRESS, IDENTITY, TAX_FORM or OTHER.</param>
/// <param name="Description">The uploader's description.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="SizeBytes">The uploaded file's size.</param>
/// <param name="UploadedAt">When it was uploaded.</param>
internal sealed record DocumentRecord(Guid DocumentId, string DocumentType, string? Description, string FileName, long SizeBytes, DateTimeOffset UploadedAt);

/// <summary>A node of the household / group tree that v2 shows as <c>Account.group</c>.</summary>
/// <param name="GroupId">The group's identifier.</param>
/// <param name="Name">The group's name.</param>
/// <param name="Children">The groups below this one.</param>
internal sealed record GroupRecord(string GroupId, string Name, IReadOnlyList<GroupRecord> Children);
