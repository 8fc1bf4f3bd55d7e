using Mediator;

namespace OrderHub.Modules.Payments.Contracts.Commands;

/// <summary>
/// Authorizes (holds) <paramref name="Amount"/> on the card behind <paramref name="Token"/>. Idempotent by
/// <paramref name="IdempotencyKey"/> (derive it from the order and step, e.g. "OH-000123:authorize:1"): the same key
/// always returns the first outcome and never charges twice. A decline is a result (<see cref="PaymentOutcome.Declined"/>), not an error.
/// </summary>
public sealed record AuthorizePaymentCommand(string IdempotencyKey, Guid OrderId, string OrderNumber, decimal Amount, string Currency, string Token)
    : ICommand<PaymentResultDto>;

/// <summary>Captures <paramref name="Amount"/> against the order's open authorization(s), oldest first (e.g. one capture per shipment).</summary>
public sealed record CapturePaymentCommand(string IdempotencyKey, Guid OrderId, decimal Amount) : ICommand<PaymentResultDto>;

/// <summary>Releases authorized money that was not captured: null = all of it; an amount = part of it (an edit lowered the total).</summary>
public sealed record VoidPaymentCommand(string IdempotencyKey, Guid OrderId, decimal? Amount, string Reason) : ICommand<PaymentResultDto>;

/// <summary>Refunds captured money (full or partial); more than was captured is refused (HTTP 422).</summary>
public sealed record RefundPaymentCommand(string IdempotencyKey, Guid OrderId, decimal Amount, string Reason) : ICommand<PaymentResultDto>;

/// <summary>How a payment step ended. Pending = the gateway did not answer (timeout); a job retries it with the same key.</summary>
public enum PaymentOutcome
{
    Succeeded,
    Declined,
    Failed,
    Pending,
}

/// <summary>The outcome of one payment command. <paramref name="DeclineCode"/> is the gateway's reason (card_declined, insufficient_funds, ...).</summary>
public sealed record PaymentResultDto(PaymentOutcome Outcome, decimal Amount, string Currency, string? Reference, string? DeclineCode, string? Message);
