using OrderHub.Modules.Payments.Contracts.Commands;

namespace OrderHub.Modules.Payments.Domain;

internal enum PaymentTransactionType
{
    Authorization,
    Capture,
    Void,
    Refund,
}

/// <summary>
/// One gateway call in an order's payment ledger. A command makes one or more of them (a capture spanning two
/// authorizations makes two); <see cref="CommandKey"/> is the caller's idempotency key and <see cref="GatewayKey"/>
/// (unique) the key sent to the gateway, so a retry can never charge twice.
/// </summary>
internal sealed class PaymentTransaction
{
    private PaymentTransaction()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; } = string.Empty;

    public PaymentTransactionType Type { get; private set; }

    public PaymentOutcome Outcome { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = string.Empty;

    public string CommandKey { get; private set; } = string.Empty;

    public string GatewayKey { get; private set; } = string.Empty;

    public string Gateway { get; private set; } = string.Empty;

    /// <summary>The gateway's reference for this step (e.g. a PaymentIntent or refund id).</summary>
    public string? Reference { get; private set; }

    /// <summary>For captures, voids and refunds: the authorization they act on.</summary>
    public Guid? AuthorizationId { get; private set; }

    /// <summary>Authorizations only: the card token, kept so a timed-out attempt can be retried.</summary>
    public string? Token { get; private set; }

    /// <summary>Voids only: release everything still held (cancel the authorization at the gateway).</summary>
    public bool ReleasesAll { get; private set; }

    public string? Reason { get; private set; }

    public string? DeclineCode { get; private set; }

    public string? Message { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Authorizations only: after this the hold is gone and captures fail.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>The ledger status API.md shows: a decline is a failed transaction.</summary>
    public string Status => Outcome switch
    {
        PaymentOutcome.Succeeded => "Succeeded",
        PaymentOutcome.Pending => "Pending",
        _ => "Failed",
    };

    public bool Succeeded => Outcome == PaymentOutcome.Succeeded;

    public bool IsPending => Outcome == PaymentOutcome.Pending;

    public static PaymentTransaction Start(
        PaymentTransactionType type,
        Guid orderId,
        string orderNumber,
        decimal amount,
        string currency,
        string commandKey,
        string gatewayKey,
        string gateway,
        DateTimeOffset now) => new()
        {
            Id = Guid.NewGuid(),
            Type = type,
            OrderId = orderId,
            OrderNumber = orderNumber,
            Amount = amount,
            Currency = currency,
            CommandKey = commandKey,
            GatewayKey = gatewayKey,
            Gateway = gateway,
            Outcome = PaymentOutcome.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };

    public PaymentTransaction ForAuthorization(string token, DateTimeOffset expiresAt)
    {
        Token = token;
        ExpiresAt = expiresAt;
        return this;
    }

    public PaymentTransaction Against(PaymentTransaction authorization, string? reason = null, bool releasesAll = false)
    {
        AuthorizationId = authorization.Id;
        Reason = reason;
        ReleasesAll = releasesAll;
        return this;
    }

    public void Record(PaymentOutcome outcome, string? reference, string? declineCode, string? message, DateTimeOffset now)
    {
        Outcome = outcome;
        Reference = reference ?? Reference;
        DeclineCode = declineCode;
        Message = message;
        Attempts++;
        UpdatedAt = now;
    }

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;
}
