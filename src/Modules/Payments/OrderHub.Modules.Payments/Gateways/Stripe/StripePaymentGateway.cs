using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Payments.Contracts.Commands;
using Stripe;

namespace OrderHub.Modules.Payments.Gateways.Stripe;

/// <summary>
/// Stripe adapter: PaymentIntents with <c>capture_method=manual</c> (authorize at placement, capture at shipment),
/// cancel to void, refunds against the PaymentIntent. Every request carries our idempotency key as Stripe's
/// <c>Idempotency-Key</c>. Card declines (HTTP 402) become <see cref="PaymentOutcome.Declined"/>; a lost answer
/// (network error, timeout, HTTP 5xx) becomes <see cref="PaymentGatewayTimeoutException"/> so the step is retried
/// with the same key. Stripe cannot release part of a hold: a partial void is recorded by us only and the rest is
/// released by the final capture (or the cancel of the remainder).
/// </summary>
internal sealed class StripePaymentGateway : IPaymentGateway, IDisposable
{
    public const string GatewayName = "Stripe";

    private readonly HttpClient _http;
    private readonly PaymentIntentService _paymentIntents;
    private readonly RefundService _refunds;

    public StripePaymentGateway(IOptions<PaymentsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stripe = options.Value.Stripe;
        _http = new HttpClient { Timeout = stripe.Timeout };

        // No automatic network retries inside Stripe.net: a timeout surfaces as Pending and our job retries with the same key.
        var client = new StripeClient(new StripeClientOptions
        {
            ApiKey = stripe.ApiKey ?? throw new InvalidOperationException($"Set {PaymentsOptions.Section}:Stripe:ApiKey to use the Stripe gateway."),
            ApiBase = string.IsNullOrWhiteSpace(stripe.BaseUrl) ? null : stripe.BaseUrl.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(_http, maxNetworkRetries: 0),
        });
        _paymentIntents = new PaymentIntentService(client);
        _refunds = new RefundService(client);
    }

    public string Name => GatewayName;

    public Task<GatewayResult> AuthorizeAsync(GatewayAuthorization request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(async () =>
        {
            var create = new PaymentIntentCreateOptions
            {
                Amount = ToMinorUnits(request.Amount),
                Currency = request.Currency.ToLowerInvariant(),
                CaptureMethod = "manual",
                Confirm = true,
                Description = $"Order {request.OrderNumber}",
                Metadata = new Dictionary<string, string> { ["order_number"] = request.OrderNumber },
            };
            if (request.Token.StartsWith("pm_", StringComparison.Ordinal))
            {
                create.PaymentMethod = request.Token;
            }
            else
            {
                // A card token from Stripe.js/Elements (tok_...): wrap it into a PaymentMethod on the fly.
                create.AddExtraParam("payment_method_data[type]", "card");
                create.AddExtraParam("payment_method_data[card][token]", request.Token);
            }

            create.AddExtraParam("payment_method_types[0]", "card");
            var intent = await _paymentIntents.CreateAsync(create, Options(request.IdempotencyKey), cancellationToken);
            return intent.Status switch
            {
                "requires_capture" => GatewayResult.Success(intent.Id),
                "requires_action" => new GatewayResult(PaymentOutcome.Declined, intent.Id, "authentication_required", "The card requires authentication (3-D Secure)."),
                _ => new GatewayResult(PaymentOutcome.Failed, intent.Id, "unexpected_status", $"PaymentIntent {intent.Id} is {intent.Status}."),
            };
        }, cancellationToken);
    }

    public Task<GatewayResult> CaptureAsync(GatewayCapture request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(async () =>
        {
            var capture = new PaymentIntentCaptureOptions { AmountToCapture = ToMinorUnits(request.Amount) };
            if (!request.IsFinal)
            {
                capture.FinalCapture = false; // multicapture: later shipments capture the rest
            }

            var intent = await _paymentIntents.CaptureAsync(request.AuthorizationReference, capture, Options(request.IdempotencyKey), cancellationToken);
            return intent.Status is "succeeded" or "requires_capture"
                ? GatewayResult.Success(intent.LatestChargeId ?? intent.Id)
                : new GatewayResult(PaymentOutcome.Failed, intent.Id, "unexpected_status", $"PaymentIntent {intent.Id} is {intent.Status} after capture.");
        }, cancellationToken);
    }

    public Task<GatewayResult> VoidAsync(GatewayVoid request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.ReleasesAll)
        {
            return Task.FromResult(new GatewayResult(PaymentOutcome.Succeeded, request.AuthorizationReference, null,
                "Stripe cannot release part of a hold: the amount is released by the final capture."));
        }

        return CallAsync(async () =>
        {
            var cancel = new PaymentIntentCancelOptions { CancellationReason = CancellationReason(request.Reason) };
            var intent = await _paymentIntents.CancelAsync(request.AuthorizationReference, cancel, Options(request.IdempotencyKey), cancellationToken);
            return intent.Status == "canceled"
                ? GatewayResult.Success(intent.Id)
                : new GatewayResult(PaymentOutcome.Failed, intent.Id, "unexpected_status", $"PaymentIntent {intent.Id} is {intent.Status} after cancel.");
        }, cancellationToken);
    }

    public Task<GatewayResult> RefundAsync(GatewayRefund request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(async () =>
        {
            var refund = await _refunds.CreateAsync(
                new RefundCreateOptions { PaymentIntent = request.AuthorizationReference, Amount = ToMinorUnits(request.Amount), Reason = "requested_by_customer" },
                Options(request.IdempotencyKey),
                cancellationToken);
            return refund.Status switch
            {
                "succeeded" or "pending" => GatewayResult.Success(refund.Id),
                _ => new GatewayResult(PaymentOutcome.Failed, refund.Id, "refund_" + refund.Status, $"Refund {refund.Id} is {refund.Status}."),
            };
        }, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Amounts in the currency's minor unit (cents); zero-decimal currencies are not supported yet.</summary>
    internal static long ToMinorUnits(decimal amount) => (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero);

    private static RequestOptions Options(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    private static string CancellationReason(string reason) =>
        reason is "duplicate" or "fraudulent" or "requested_by_customer" or "abandoned" ? reason : "requested_by_customer";

    private static async Task<GatewayResult> CallAsync(Func<Task<GatewayResult>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "card_error")
        {
            var code = ex.StripeError.DeclineCode is "insufficient_funds" ? "insufficient_funds" : ex.StripeError.Code ?? "card_declined";
            return GatewayResult.Declined(code, ex.StripeError.Message ?? ex.Message);
        }
        catch (StripeException ex) when ((int)ex.HttpStatusCode >= 500 || ex.HttpStatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new PaymentGatewayTimeoutException($"Stripe answered {(int)ex.HttpStatusCode}: {ex.Message}", ex);
        }
        catch (StripeException ex)
        {
            return GatewayResult.Failed(ex.StripeError?.Code ?? ((int)ex.HttpStatusCode).ToString(CultureInfo.InvariantCulture), ex.StripeError?.Message ?? ex.Message);
        }
        catch (HttpRequestException ex)
        {
            throw new PaymentGatewayTimeoutException($"Stripe could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PaymentGatewayTimeoutException("Stripe did not answer in time.", ex);
        }
    }
}
