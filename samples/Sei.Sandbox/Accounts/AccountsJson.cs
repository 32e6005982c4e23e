using System;
using System.Text.Json.Nodes;
using Sei.Sandbox.Http;

namespace Sei.Sandbox.Accounts;

/// <summary>
/// The JSON representations of the Accounts API's resources, property for property as the
/// documents' schemas name them. Write-only properties (<c>taxId</c>) are never returned.
/// </summary>
internal static class AccountsJson
{
    /// <summary>Represents an account (<c>Account</c>).</summary>
    /// <param name="account">The account.</param>
    /// <param name="version">The API version asked.</param>
    /// <param name="baseUrl">The server's root URL, for <c>href</c>s.</param>
    /// <param name="store">The store, for the account's group.</param>
    /// <returns>The representation.</returns>
    public static JsonObject Account(AccountRecord account, AccountsVersion version, string baseUrl, AccountsStore store)
    {
        var href = AccountHref(account.AccountId, version, baseUrl);
        var links = new JsonArray(JsonResponses.Link("holders", href + "/holders"));

        // v1 still serves the deprecated balance operation, and v2 replaced it with transactions; link what each version has.
        links.Add((JsonNode)(version.Extended ? JsonResponses.Link("transactions", href + "/transactions") : JsonResponses.Link("balance", href + "/balance")));

        var json = new JsonObject
        {
            ["accountId"] = account.AccountId,
            ["status"] = version.WireStatus(account.Status),
            ["type"] = account.Type,
        };
        json.AddOptional("riskLevel", account.RiskLevel);
        json["balance"] = Money(account.Balance, account.Currency);
        json["tags"] = ToArray(account.Tags);
        json["attributes"] = ToObject(account.Attributes);
        json.AddOptional("openedOn", account.OpenedOn is { } openedOn ? JsonResponses.Date(openedOn) : null);

        // The property is nullable and the documents' examples send it as null, so it is always present.
        json[version.NicknameProperty] = account.Nickname;
        var owner = new JsonObject { ["name"] = account.OwnerName };
        owner.AddOptional("email", account.OwnerEmail);
        json["owner"] = owner;
        if (version.Extended)
        {
            var matrix = new JsonArray();
            foreach (var row in account.RiskMatrix)
            {
                var cells = new JsonArray();
                foreach (var cell in row)
                {
                    cells.Add((JsonNode)JsonValue.Create(cell));
                }

                matrix.Add((JsonNode)cells);
            }

            json["riskMatrix"] = matrix;
            json["group"] = store.FindGroup(account.GroupId) is { } group ? Group(group) : null;
        }

        json["createdAt"] = JsonResponses.Timestamp(account.CreatedAt);
        json["href"] = href;
        json["links"] = links;
        return json;
    }

    /// <summary>Represents a group and the groups below it (<c>AccountGroup</c>, recursive).</summary>
    /// <param name="group">The group.</param>
    /// <returns>The representation.</returns>
    public static JsonObject Group(GroupRecord group)
    {
        var children = new JsonArray();
        foreach (var child in group.Children)
        {
            children.Add((JsonNode)Group(child));
        }

        return new JsonObject { ["groupId"] = group.GroupId, ["name"] = group.Name, ["children"] = children };
    }

    /// <summary>Represents an account holder (<c>AccountHolder</c>).</summary>
    /// <param name="holder">The holder.</param>
    /// <param name="accountId">The account the holder holds.</param>
    /// <param name="version">The API version asked.</param>
    /// <param name="baseUrl">The server's root URL.</param>
    /// <returns>The representation.</returns>
    public static JsonObject Holder(HolderRecord holder, string accountId, AccountsVersion version, string baseUrl)
    {
        var accountHref = AccountHref(accountId, version, baseUrl);
        var json = new JsonObject { ["holderId"] = holder.HolderId, ["name"] = holder.Name, ["role"] = holder.Role };
        json.AddOptional("email", holder.Email);
        json.AddOptional("dateOfBirth", holder.DateOfBirth is { } born ? JsonResponses.Date(born) : null);

        // The resource's own URL, spelled as the document's example spells it; the document defines no operation that serves it.
        json["href"] = accountHref + "/holders/" + holder.HolderId;
        json["links"] = new JsonArray(JsonResponses.Link("account", accountHref));
        return json;
    }

    /// <summary>Represents an uploaded document (<c>AccountDocument</c>).</summary>
    /// <param name="document">The document.</param>
    /// <param name="accountId">The account it was uploaded for.</param>
    /// <param name="version">The API version asked.</param>
    /// <param name="baseUrl">The server's root URL.</param>
    /// <returns>The representation.</returns>
    public static JsonObject Document(DocumentRecord document, string accountId, AccountsVersion version, string baseUrl)
    {
        var json = new JsonObject { ["documentId"] = document.DocumentId.ToString("D"), ["documentType"] = document.DocumentType };
        json.AddOptional("description", document.Description);
        json["fileName"] = document.FileName;
        json["sizeBytes"] = document.SizeBytes;
        json["uploadedAt"] = JsonResponses.Timestamp(document.UploadedAt);
        json["href"] = DocumentHref(document.DocumentId, accountId, version, baseUrl);
        return json;
    }

    /// <summary>Represents a balance on its own (<c>AccountBalance</c>, v1's deprecated operation).</summary>
    /// <param name="account">The account.</param>
    /// <param name="baseUrl">The server's root URL.</param>
    /// <param name="asOf">The moment the balance is given for.</param>
    /// <returns>The representation.</returns>
    public static JsonObject Balance(AccountRecord account, string baseUrl, DateTimeOffset asOf) => new()
    {
        ["accountId"] = account.AccountId,
        ["balance"] = Money(account.Balance, account.Currency),
        ["asOf"] = JsonResponses.Timestamp(asOf),
        ["links"] = new JsonArray(JsonResponses.Link("account", AccountHref(account.AccountId, AccountsVersion.V1, baseUrl))),
    };

    /// <summary>Represents an amount and its currency (<c>Money</c>).</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The ISO 4217 code.</param>
    /// <returns>The representation.</returns>
    public static JsonObject Money(decimal amount, string currency) => new() { ["amount"] = amount, ["currency"] = currency };

    /// <summary>Returns an account's URL.</summary>
    /// <param name="accountId">The account identifier.</param>
    /// <param name="version">The API version.</param>
    /// <param name="baseUrl">The server's root URL.</param>
    /// <returns>The URL.</returns>
    public static string AccountHref(string accountId, AccountsVersion version, string baseUrl) => baseUrl + version.Root + "/" + accountId;

    /// <summary>Returns an uploaded document's URL.</summary>
    /// <param name="documentId">The document identifier.</param>
    /// <param name="accountId">The account identifier.</param>
    /// <param name="version">The API version.</param>
    /// <param name="baseUrl">The server's root URL.</param>
    /// <returns>The URL.</returns>
    public static string DocumentHref(Guid documentId, string accountId, AccountsVersion version, string baseUrl) =>
        AccountHref(accountId, version, baseUrl) + "/documents/" + documentId.ToString("D");

    private static JsonArray ToArray(System.Collections.Generic.IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode?)JsonValue.Create(value));
        }

        return array;
    }

    private static JsonObject ToObject(System.Collections.Generic.IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var pair in values)
        {
            json[pair.Key] = pair.Value;
        }

        return json;
    }
}
