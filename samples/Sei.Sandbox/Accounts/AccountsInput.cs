using System;
using System.Collections.Generic;
using Sei.Sandbox.Http;

namespace Sei.Sandbox.Accounts;

/// <summary>An account as a create request describes it, validated, before the store gives it a number.</summary>
/// <param name="Type">The account type.</param>
/// <param name="Currency">The currency of the (empty) opening balance.</param>
/// <param name="RiskLevel">The risk level.</param>
/// <param name="Nickname">The nickname (v1) or display name (v2).</param>
/// <param name="OwnerName">The owner's name.</param>
/// <param name="OwnerEmail">The owner's e-mail address.</param>
/// <param name="TaxId">The owner's tax identifier.</param>
/// <param name="Tags">The tags.</param>
/// <param name="Attributes">The free-form attributes.</param>
/// <param name="OpenedOn">The opening day, today when not given.</param>
internal sealed record AccountDraft(
    string Type,
    string Currency,
    int RiskLevel,
    string? Nickname,
    string OwnerName,
    string? OwnerEmail,
    string TaxId,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    DateOnly? OpenedOn)
{
    /// <summary>Builds the stored account: open, with an empty balance and the owner as its primary holder.</summary>
    /// <param name="number">The account number the store assigned.</param>
    /// <param name="holderNumber">The holder number the store assigned.</param>
    /// <param name="now">The moment of opening.</param>
    /// <returns>The account.</returns>
    public AccountRecord ToRecord(long number, long holderNumber, DateTimeOffset now) => new()
    {
        Number = number,
        Status = "OPEN",
        Type = Type,
        RiskLevel = RiskLevel,
        Balance = 0m,
        Currency = Currency,
        Tags = Tags,
        Attributes = Attributes,
        OpenedOn = OpenedOn ?? DateOnly.FromDateTime(now.UtcDateTime),
        Nickname = Nickname,
        OwnerName = OwnerName,
        OwnerEmail = OwnerEmail,
        TaxId = TaxId,
        CreatedAt = now,
        Holders = [new HolderRecord(holderNumber, OwnerName, Type == "TRUST" ? "TRUSTEE" : "PRIMARY", OwnerEmail, null)],
    };
}

/// <summary>Reads and validates the request bodies of the Accounts API (create, replace, merge patch).</summary>
internal static class AccountsInput
{
    /// <summary>The <c>AccountType</c> values (the same in both versions).</summary>
    public static readonly string[] AccountTypes = ["INDIVIDUAL", "JOINT", "TRUST", "IRA", "CORPORATE"];

    /// <summary>The <c>DocumentType</c> values (the same in both versions).</summary>
    public static readonly string[] DocumentTypes = ["PROOF_OF_ADDRESS", "IDENTITY", "TAX_FORM", "OTHER"];

    /// <summary>Reads an <c>AccountCreate</c> body, applying the document's defaults.</summary>
    /// <param name="body">The body.</param>
    /// <param name="validation">Where errors are recorded; a 400 is thrown when any are.</param>
    /// <param name="version">The API version asked.</param>
    /// <returns>The draft account.</returns>
    public static AccountDraft ReadCreate(JsonBodyReader body, Validation validation, AccountsVersion version)
    {
        var type = body.Enum("type", AccountTypes) ?? "INDIVIDUAL";
        var currency = body.String("currency", maxLength: 3, minLength: 3) ?? "USD";
        var riskLevel = body.Int("riskLevel", 1, 5) ?? 3;
        var nickname = body.String(version.NicknameProperty, maxLength: 60);
        var (ownerName, ownerEmail) = ReadOwner(body);
        var taxId = body.String("taxId", required: true, maxLength: 11);
        var tags = body.StringList("tags") ?? [];
        var attributes = body.StringMap("attributes") ?? new Dictionary<string, string>();
        var openedOn = body.Date("openedOn");
        validation.ThrowIfInvalid();
        return new AccountDraft(type, currency, riskLevel, nickname, ownerName!, ownerEmail, taxId!, tags, attributes, openedOn);
    }

    /// <summary>Reads an <c>Account</c> body for a replace; read-only properties in it are ignored, as the document says.</summary>
    /// <param name="body">The body.</param>
    /// <param name="validation">Where errors are recorded; a 400 is thrown when any are.</param>
    /// <param name="version">The API version asked.</param>
    /// <returns>The change to apply to the stored account.</returns>
    public static Func<AccountRecord, AccountRecord> ReadReplace(JsonBodyReader body, Validation validation, AccountsVersion version)
    {
        var status = body.Enum("status", version.Statuses, required: true);
        var type = body.Enum("type", AccountTypes, required: true);
        var riskLevel = body.Int("riskLevel", 1, 5);
        var balance = body.Object("balance", required: true);
        var amount = balance?.Decimal("amount", required: true);
        var currency = balance?.String("currency", required: true, maxLength: 3, minLength: 3);
        var tags = body.StringList("tags") ?? [];
        var attributes = body.StringMap("attributes") ?? new Dictionary<string, string>();
        var openedOn = body.Date("openedOn");
        var nickname = body.String(version.NicknameProperty, maxLength: 60);
        var (ownerName, ownerEmail) = ReadOwner(body);
        var taxId = body.String("taxId", maxLength: 11);
        var riskMatrix = version.Extended ? body.NumberMatrix("riskMatrix") : null;
        validation.ThrowIfInvalid();

        return account => account with
        {
            Status = status!,
            Type = type!,
            RiskLevel = riskLevel,
            Balance = amount!.Value,
            Currency = currency!,
            Tags = tags,
            Attributes = attributes,
            OpenedOn = openedOn,
            Nickname = nickname,
            OwnerName = ownerName!,
            OwnerEmail = ownerEmail,

            // taxId is write-only and optional here: leaving it out of a replace keeps the one on file.
            TaxId = taxId ?? account.TaxId,
            RiskMatrix = riskMatrix ?? (version.Extended ? [] : account.RiskMatrix),
        };
    }

    /// <summary>Reads an <c>AccountUpdate</c> merge patch (RFC 7396): absent properties stay, <c>null</c> clears.</summary>
    /// <param name="body">The body.</param>
    /// <param name="validation">Where errors are recorded; a 400 is thrown when any are.</param>
    /// <param name="version">The API version asked.</param>
    /// <returns>The change to apply to the stored account.</returns>
    public static Func<AccountRecord, AccountRecord> ReadUpdate(JsonBodyReader body, Validation validation, AccountsVersion version)
    {
        var status = body.Enum("status", version.Statuses);
        var riskLevel = body.Int("riskLevel", 1, 5);
        var hasNickname = body.Has(version.NicknameProperty);
        var nickname = body.String(version.NicknameProperty, maxLength: 60);
        var hasTags = body.Has("tags");
        var tags = body.StringList("tags");
        var hasAttributes = body.Has("attributes");
        var attributes = body.StringMapPatch("attributes");
        validation.ThrowIfInvalid();

        return account =>
        {
            var merged = new Dictionary<string, string>(account.Attributes, StringComparer.Ordinal);
            foreach (var change in attributes ?? new Dictionary<string, string?>())
            {
                if (change.Value is null)
                {
                    merged.Remove(change.Key);
                }
                else
                {
                    merged[change.Key] = change.Value;
                }
            }

            return account with
            {
                Status = status ?? account.Status,
                RiskLevel = riskLevel ?? account.RiskLevel,
                Nickname = hasNickname ? nickname : account.Nickname,
                Tags = hasTags ? tags ?? [] : account.Tags,
                Attributes = !hasAttributes ? account.Attributes : attributes is null ? new Dictionary<string, string>() : merged,
            };
        };
    }

    private static (string? Name, string? Email) ReadOwner(JsonBodyReader body)
    {
        var owner = body.Object("owner", required: true);
        var name = owner?.String("name", required: true);
        var email = owner?.String("email");
        if (email is not null && (email.IndexOf('@', StringComparison.Ordinal) <= 0 || email.Contains(' ', StringComparison.Ordinal)))
        {
            owner!.Fail("email", "must be an e-mail address");
        }

        return (name, email);
    }
}
