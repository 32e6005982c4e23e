using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;
using Sei.Sandbox.Http;
using Sei.Testing;

namespace Sei.Sandbox.Payments;

/// <summary>
/// SEI Payments API version 1 (<c>specs/payments.v1.yaml</c>): listPayments, createPayment,
/// createPaymentBatch, getPayment, checkPaymentExists, cancelPayment, downloadPaymentReceipt and
/// getExchangeRate.
/// </summary>
/// <param name="store">The payments.</param>
internal sealed partial class PaymentsV1Api(PaymentsStore store)
{
    private const string Product = "payments";
    private const string Root = "/v1/payments";
    private static readonly string[] Sorts = ["createdAt", "-createdAt", "amount", "-amount"];

    /// <summary>Maps the v1 operations.</summary>
    /// <param name="routes">Where to map them.</param>
    /// <param name="store">The payments.</param>
    public static void Map(IEndpointRouteBuilder routes, PaymentsStore store)
    {
        var api = new PaymentsV1Api(store);
        routes.MapGet(Root, new RequestDelegate(api.ListAsync));
        routes.MapPost(Root, new RequestDelegate(api.CreateAsync));
        routes.MapPost(Root + "/batches", new RequestDelegate(api.CreateBatchAsync));
        routes.MapGet(Root + "/{paymentId}", new RequestDelegate(api.GetAsync));
        routes.MapMethods(Root + "/{paymentId}", [HttpMethods.Head], new RequestDelegate(api.CheckExistsAsync));
        routes.MapPost(Root + "/{paymentId}/cancel", new RequestDelegate(api.CancelAsync));
        routes.MapGet(Root + "/{paymentId}/receipt", new RequestDelegate(api.DownloadReceiptAsync));
        routes.MapGet(Root + "/exchange-rates/{currencyPair}/latest", new RequestDelegate(api.GetExchangeRateAsync));
    }

    private Task ListAsync(HttpContext context)
    {
        var validation = new Validation(Product);
        var query = validation.Query(context);
        var request = query.Page();
        var statuses = query.Repeated("statuses", PaymentsInput.Statuses, maxItems: 6);
        var paymentType = query.Enum("payment-type", PaymentsInput.PaymentTypes);
        var createdFrom = query.DateTime("createdFrom");
        var minAmount = query.Double("minAmount", minimum: 0);
        var sort = query.Enum("sort", Sorts) ?? "-createdAt";
        validation.ThrowIfInvalid();

        // The serial breaks ties, so the order (and therefore every cursor) is stable from request to request.
        var payments = store.Snapshot();
        var ordered = (sort.TrimStart('-') == "amount"
                ? payments.OrderBy(payment => payment.Amount).ThenBy(payment => payment.Serial)
                : payments.OrderBy(payment => payment.CreatedAt).ThenBy(payment => payment.Serial))
            .ToList();
        if (sort.StartsWith('-'))
        {
            ordered.Reverse();
        }

        var page = Paging.Cut(
            ordered,
            payment => (statuses.Count == 0 || statuses.Contains(payment.Status))
                && (paymentType is null || payment.PaymentType == paymentType)
                && (createdFrom is null || payment.CreatedAt >= createdFrom)
                && (minAmount is null || payment.Amount >= minAmount),
            payment => payment.Key,
            request,
            Product,
            "query");
        var baseUrl = JsonResponses.BaseUrl(context);
        return JsonResponses.WriteAsync(context, 200, Paging.ToListBody(page, payment => PaymentsJson.Payment(payment, baseUrl)));
    }

    private async Task CreateAsync(HttpContext context)
    {
        var validation = new Validation(Product);
        var idempotencyKeyText = validation.Headers(context).String("Idempotency-Key");
        Guid? idempotencyKey = null;
        if (idempotencyKeyText is not null)
        {
            idempotencyKey = Guid.TryParse(idempotencyKeyText, out var key) ? key : null;
            if (idempotencyKey is null)
            {
                validation.Add("Idempotency-Key", "header", "must be a UUID");
            }
        }

        var body = await validation.JsonBodyAsync(context, "application/json").ConfigureAwait(false);
        var create = PaymentsInput.ReadCreate(body, validation, store);
        var payment = store.Add(idempotencyKey, body.RawText, create);
        var baseUrl = JsonResponses.BaseUrl(context);
        await JsonResponses.WriteCreatedAsync(context, PaymentsJson.PaymentHref(payment.PaymentId, baseUrl), PaymentsJson.Payment(payment, baseUrl)).ConfigureAwait(false);
    }

    private async Task CreateBatchAsync(HttpContext context)
    {
        var validation = new Validation(Product);
        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            throw SeiProblemException.Validation(Product, [new SeiFieldError("Content-Type", "header", "send application/x-www-form-urlencoded")]);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var batch = PaymentsInput.ReadBatch(form, validation, store);
        store.AddBatch(batch);
        var baseUrl = JsonResponses.BaseUrl(context);
        await JsonResponses.WriteCreatedAsync(context, PaymentsJson.BatchHref(batch.BatchId, baseUrl), PaymentsJson.Batch(batch, baseUrl)).ConfigureAwait(false);
    }

    private Task GetAsync(HttpContext context)
    {
        var payment = store.Get(RouteValues.Get(context, "paymentId"));
        return JsonResponses.WriteAsync(context, 200, PaymentsJson.Payment(payment, JsonResponses.BaseUrl(context)));
    }

    private Task CheckExistsAsync(HttpContext context)
    {
        // The envelope writer leaves the body out for HEAD, so a missing payment answers 404 with headers only, as documented.
        var payment = store.Get(RouteValues.Get(context, "paymentId"));
        var version = payment.SequenceNumber.ToString(CultureInfo.InvariantCulture) + "-" + payment.LastModified.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.ETag = "\"" + version + "\"";
        context.Response.Headers.LastModified = payment.LastModified.ToString("R", CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }

    private Task CancelAsync(HttpContext context)
    {
        var payment = store.Update(RouteValues.Get(context, "paymentId"), payment =>
        {
            // A payment that has reached an end state cannot be cancelled any more: the document's 409 for cancelPayment.
            if (payment.Status is "COMPLETED" or "CANCELLED" or "FAILED")
            {
                throw new SeiProblemException(409, "payments.state.conflict", $"Payment {payment.PaymentId} is already {payment.Status}.");
            }

            // SEI cancels asynchronously; the sandbox has no clearing run to wait for, so the cancellation takes effect at once.
            return payment with { Status = "CANCELLED", UpdatedAt = DateTimeOffset.UtcNow };
        });
        return JsonResponses.WriteAsync(context, StatusCodes.Status202Accepted, PaymentsJson.Payment(payment, JsonResponses.BaseUrl(context)));
    }

    private async Task DownloadReceiptAsync(HttpContext context)
    {
        var payment = store.Get(RouteValues.Get(context, "paymentId"));
        var receipt = string.Create(
            CultureInfo.InvariantCulture,
            $"SEI Sandbox payment receipt\nPayment: {payment.PaymentId}\nType: {payment.PaymentType}\nStatus: {payment.Status}\nAmount: {payment.Amount:0.00} {payment.Currency}\nCreditor: {payment.CreditorName}\nCreated: {JsonResponses.Timestamp(payment.CreatedAt)}\n");
        context.Response.ContentType = "application/octet-stream";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"receipt-{payment.PaymentId}.txt\"";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(receipt), context.RequestAborted).ConfigureAwait(false);
    }

    private Task GetExchangeRateAsync(HttpContext context)
    {
        var validation = new Validation(Product);
        var currencyPair = RouteValues.Get(context, "currencyPair");
        if (!CurrencyPairPattern().IsMatch(currencyPair))
        {
            validation.Add("currency-pair", "path", "must look like EUR-USD (two ISO 4217 codes joined by '-')");
        }

        var region = validation.Cookies(context).Enum("session-region", ExchangeRates.Regions) ?? "US";
        var amount = validation.Query(context).Double("amount");
        validation.ThrowIfInvalid();

        // The source is the rate's own URL: the request's, without the query that only shaped this answer.
        var source = UriHelper.BuildAbsolute(context.Request.Scheme, context.Request.Host, context.Request.PathBase, context.Request.Path);
        return JsonResponses.WriteAsync(context, 200, ExchangeRates.Quote(currencyPair, region, amount, source));
    }

    [GeneratedRegex("^[A-Z]{3}-[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPairPattern();
}
