using OrderHub.Modules.Payments.Contracts.Commands;

namespace OrderHub.Modules.Payments.Gateways;

/// <summary>
/// The payment gateway port. Every call carries an idempotency key that the gateway itself honours (a repeat
/// returns the first outcome), so a retry after a timeout never charges twice. Declines are results; a call that
/// got no answer throws <see cref="PaymentGatewayTimeoutException"/>.
/// </summary>
internal interface IPaymentGateway
{
    string Name { get; }

    Task<GatewayResult> AuthorizeAsync(GatewayAuthorization request, CancellationToken cancellationToken);

    /// <summary>Captures part or all of an authorization; <paramref name="request"/>.IsFinal releases what is left.</summary>
    Task<GatewayResult> CaptureAsync(GatewayCapture request, CancellationToken cancellationToken);

    /// <summary>Releases held money: all of it (cancel) or, where the gateway allows, part of it.</summary>
    Task<GatewayResult> VoidAsync(GatewayVoid request, CancellationToken cancellationToken);

    Task<GatewayResult> RefundAsync(GatewayRefund request, CancellationToken cancellationToken);
}

internal sealed record GatewayAuthorization(string IdempotencyKey, string OrderNumber, decimal Amount, string Currency, string Token);

internal sealed record GatewayCapture(string IdempotencyKey, string AuthorizationReference, decimal Amount, string Currency, bool IsFinal);

internal sealed record GatewayVoid(string IdempotencyKey, string AuthorizationReference, decimal Amount, string Currency, bool ReleasesAll, string Reason);

internal sealed record GatewayRefund(string IdempotencyKey, string AuthorizationReference, decimal Amount, string Currency, string Reason);

internal sealed record GatewayResult(PaymentOutcome Outcome, string? Reference, string? DeclineCode, string? Message)
{
    public static GatewayResult Success(string reference) => new(PaymentOutcome.Succeeded, reference, null, null);

    public static GatewayResult Declined(string code, string message) => new(PaymentOutcome.Declined, null, code, message);

    public static GatewayResult Failed(string code, string message) => new(PaymentOutcome.Failed, null, code, message);
}

/// <summary>The gateway did not answer in time: the outcome is unknown and must be retried with the same key.</summary>
internal sealed class PaymentGatewayTimeoutException(string message, Exception? inner = null) : TimeoutException(message, inner);
