using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sei.Sandbox.Http;
using Sei.Testing;

namespace Sei.Sandbox.Accounts;

/// <summary>
/// The operations v1 and v2 of the Accounts API share (listAccounts, createAccount, searchAccounts,
/// getAccount, replaceAccount, updateAccount, deleteAccount, listAccountHolders,
/// getAccountStatement, uploadAccountDocument), served once per version from the same store.
/// </summary>
/// <param name="store">The accounts.</param>
/// <param name="version">The version this instance serves.</param>
internal sealed class AccountsApi(AccountsStore store, AccountsVersion version)
{
    private const string Product = "accounts";
    private const long MaxDocumentBytes = 10 * 1024 * 1024;
    private static readonly string[] DocumentMediaTypes = ["application/pdf", "image/png", "image/jpeg"];

    /// <summary>Maps the shared operations under the version's root.</summary>
    /// <param name="routes">Where to map them.</param>
    public void Map(IEndpointRouteBuilder routes)
    {
        var root = version.Root;
        routes.MapGet(root, new RequestDelegate(ListAsync));
        routes.MapPost(root, new RequestDelegate(CreateAsync));
        routes.MapPost(root + "/search", new RequestDelegate(SearchAsync));
        routes.MapGet(root + "/{accountId}", new RequestDelegate(GetAsync));
        routes.MapPut(root + "/{accountId}", new RequestDelegate(ReplaceAsync));
        routes.MapPatch(root + "/{accountId}", new RequestDelegate(UpdateAsync));
        routes.MapDelete(root + "/{accountId}", new RequestDelegate(DeleteAsync));
        routes.MapGet(root + "/{accountId}/holders", new RequestDelegate(ListHoldersAsync));
        routes.MapGet(root + "/{accountId}/statements/{statementId}", new RequestDelegate(GetStatementAsync));
        routes.MapPost(root + "/{accountId}/documents", new RequestDelegate(UploadDocumentAsync));
    }

    private Task ListAsync(HttpContext context)
    {
        var validation = new Validation(Product);
        var query = validation.Query(context);
        var page = query.Page();
        var filter = new Filter(
            version,
            query.Enum("status", version.Statuses),
            query.CommaSeparated("accountIds", 50, 20),
            query.Date("openedFrom"),
            version.Extended ? query.Date("asOf", required: true) : null);
        validation.Headers(context).String("X-Correlation-Source", maxLength: 64);
        validation.ThrowIfInvalid();
        return WriteListAsync(context, filter, page, "query");
    }

    private async Task SearchAsync(HttpContext context)
    {
        var validation = new Validation(Product);
        validation.Headers(context).String("X-Correlation-Source", maxLength: 64);
        var body = await validation.JsonBodyAsync(context, "application/json").ConfigureAwait(false);
        var page = new PageRequest(body.Int("limit", 1, PageRequest.MaxLimit) ?? PageRequest.DefaultLimit, body.String("before"), body.String("after"));
        var filter = new Filter(
            version,
            body.Enum("status", version.Statuses),
            body.StringList("accountIds", maxItems: 50, maxItemLength: 20) ?? [],
            body.Date("openedFrom"),
            version.Extended ? body.Date("asOf", required: true) : null);
        validation.ThrowIfInvalid();
        await WriteListAsync(context, filter, page, "body").ConfigureAwait(false);
    }

    private Task WriteListAsync(HttpContext context, Filter filter, PageRequest request, string location)
    {
        // The list is newest first; the full history, removed accounts included, lets every issued cursor resolve.
        var ordered = store.Snapshot().Reverse().ToArray();
        var page = Paging.Cut(ordered, filter.Matches, account => account.AccountId, request, Product, location);
        var baseUrl = JsonResponses.BaseUrl(context);
        return JsonResponses.WriteAsync(context, 200, Paging.ToListBody(page, account => AccountsJson.Account(account, version, baseUrl, store)));
    }

    private Task GetAsync(HttpContext context)
    {
        var account = store.Get(RouteValues.Get(context, "accountId"));
        return JsonResponses.WriteAsync(context, 200, AccountsJson.Account(account, version, JsonResponses.BaseUrl(context), store));
    }

    private async Task CreateAsync(HttpContext context)
    {
        var validation = new Validation(Product);
        var body = await validation.JsonBodyAsync(context, "application/json").ConfigureAwait(false);
        var draft = AccountsInput.ReadCreate(body, validation, version);
        var now = DateTimeOffset.UtcNow;
        var account = store.Add(draft.TaxId, draft.Type, (number, holderNumber) => draft.ToRecord(number, holderNumber, now));
        var baseUrl = JsonResponses.BaseUrl(context);
        await JsonResponses.WriteCreatedAsync(
            context,
            AccountsJson.AccountHref(account.AccountId, version, baseUrl),
            AccountsJson.Account(account, version, baseUrl, store)).ConfigureAwait(false);
    }

    private async Task ReplaceAsync(HttpContext context)
    {
        // A missing account is a 404 whatever the body holds, so existence is checked before the body is read.
        var accountId = RouteValues.Get(context, "accountId");
        store.Get(accountId);
        var validation = new Validation(Product);
        var body = await validation.JsonBodyAsync(context, "application/json").ConfigureAwait(false);
        var account = store.Update(accountId, AccountsInput.ReadReplace(body, validation, version));
        await JsonResponses.WriteAsync(context, 200, AccountsJson.Account(account, version, JsonResponses.BaseUrl(context), store)).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context)
    {
        var accountId = RouteValues.Get(context, "accountId");
        store.Get(accountId);
        var validation = new Validation(Product);
        var body = await validation.JsonBodyAsync(context, "application/merge-patch+json", "application/json").ConfigureAwait(false);
        var account = store.Update(accountId, AccountsInput.ReadUpdate(body, validation, version));
        await JsonResponses.WriteAsync(context, 200, AccountsJson.Account(account, version, JsonResponses.BaseUrl(context), store)).ConfigureAwait(false);
    }

    private Task DeleteAsync(HttpContext context)
    {
        store.Update(RouteValues.Get(context, "accountId"), account =>
        {
            // Money cannot vanish with the account: this is the document's 409 for deleteAccount.
            if (account.Balance != 0m)
            {
                var amount = account.Balance.ToString("N2", CultureInfo.InvariantCulture);
                throw new SeiProblemException(409, "accounts.account.not_empty", $"Account {account.AccountId} still holds {amount} {account.Currency}; move the balance out before removing it.");
            }

            return account with { Status = "CLOSED", Deleted = true };
        });
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private Task ListHoldersAsync(HttpContext context)
    {
        var account = store.Get(RouteValues.Get(context, "accountId"));
        var validation = new Validation(Product);
        var request = validation.Query(context).Page();
        validation.ThrowIfInvalid();
        var page = Paging.Cut(account.Holders, _ => true, holder => holder.HolderId, request, Product, "query");
        var baseUrl = JsonResponses.BaseUrl(context);
        return JsonResponses.WriteAsync(context, 200, Paging.ToListBody(page, holder => AccountsJson.Holder(holder, account.AccountId, version, baseUrl)));
    }

    private async Task GetStatementAsync(HttpContext context)
    {
        var account = store.Get(RouteValues.Get(context, "accountId"));
        var statementId = RouteValues.Get(context, "statementId");

        // getAccountStatement documents no 400, so a statement that cannot exist (bad pattern, before opening, this month or later) is a 404.
        var valid = DateOnly.TryParseExact(statementId + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month);
        var opened = account.OpenedOn ?? DateOnly.FromDateTime(account.CreatedAt.UtcDateTime);
        var thisMonth = DateOnly.FromDateTime(DateTime.UtcNow);
        if (!valid || statementId.Length != 7 || month < new DateOnly(opened.Year, opened.Month, 1) || month >= new DateOnly(thisMonth.Year, thisMonth.Month, 1))
        {
            throw SeiProblemException.NotFound(Product, "statement", statementId);
        }

        var pdf = StatementPdf.Create(
        [
            "SEI Sandbox - account statement " + statementId,
            $"Account {account.AccountId} ({account.Type}), {account.OwnerName}",
            $"Closing balance: {account.Balance.ToString("N2", CultureInfo.InvariantCulture)} {account.Currency}",
            "Generated by Sei.Sandbox; not a real statement.",
        ]);
        context.Response.ContentType = "application/pdf";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{account.AccountId}-{statementId}.pdf\"";
        await context.Response.Body.WriteAsync(pdf, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task UploadDocumentAsync(HttpContext context)
    {
        var accountId = RouteValues.Get(context, "accountId");
        store.Get(accountId);
        var validation = new Validation(Product);
        if (!context.Request.HasFormContentType || !context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw SeiProblemException.Validation(Product, [new SeiFieldError("Content-Type", "header", "send multipart/form-data")]);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var fields = validation.Form(form);
        var documentType = fields.Enum("documentType", AccountsInput.DocumentTypes, required: true);
        var description = fields.String("description", maxLength: 500);
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            validation.Add("file", "body", "is required");
        }
        else if (!DocumentMediaTypes.Contains(file.ContentType?.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase) || file.Length > MaxDocumentBytes)
        {
            validation.Add("file", "body", $"must be PDF, PNG or JPEG of at most 10 MB (got {file.ContentType}, {file.Length} bytes)");
        }

        validation.ThrowIfInvalid();
        var document = new DocumentRecord(Guid.NewGuid(), documentType!, description, file!.FileName, file.Length, DateTimeOffset.UtcNow);
        store.Update(accountId, account => account with { Documents = [.. account.Documents, document] });
        var baseUrl = JsonResponses.BaseUrl(context);
        await JsonResponses.WriteCreatedAsync(
            context,
            AccountsJson.DocumentHref(document.DocumentId, accountId, version, baseUrl),
            AccountsJson.Document(document, accountId, version, baseUrl)).ConfigureAwait(false);
    }

    /// <summary>The filters of listAccounts and searchAccounts.</summary>
    /// <param name="Version">The version asked, whose status values the filter uses.</param>
    /// <param name="Status">Only accounts in this status.</param>
    /// <param name="AccountIds">Only these accounts, when not empty.</param>
    /// <param name="OpenedFrom">Only accounts opened on or after this day.</param>
    /// <param name="AsOf">v2: the accounts as they stood at the end of this day.</param>
    private sealed record Filter(AccountsVersion Version, string? Status, IReadOnlyList<string> AccountIds, DateOnly? OpenedFrom, DateOnly? AsOf)
    {
        public bool Matches(AccountRecord account) =>
            !account.Deleted
            && (Status is null || Version.WireStatus(account.Status) == Status)
            && (AccountIds.Count == 0 || AccountIds.Contains(account.AccountId, StringComparer.Ordinal))
            && (OpenedFrom is null || account.OpenedOn >= OpenedFrom)

            // As of the end of that day, accounts opened later did not exist yet.
            && (AsOf is null || account.OpenedOn <= AsOf);
    }
}
