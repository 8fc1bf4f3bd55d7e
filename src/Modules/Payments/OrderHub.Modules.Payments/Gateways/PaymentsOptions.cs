namespace OrderHub.Modules.Payments.Gateways;

/// <summary>Configuration section <c>OrderHub:Payments</c>.</summary>
internal sealed class PaymentsOptions
{
    public const string Section = "OrderHub:Payments";

    /// <summary><c>Test</c> (the built-in deterministic gateway, default outside production) or <c>Stripe</c>.</summary>
    public string? Gateway { get; set; }

    /// <summary>How long an authorization holds the money (Stripe: about 7 days for card payments).</summary>
    public TimeSpan AuthorizationValidity { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A pending (timed-out) attempt is given up as Failed after this many tries.</summary>
    public int MaxAttempts { get; set; } = 10;

    public StripeOptions Stripe { get; set; } = new();
}

internal sealed class StripeOptions
{
    public string? ApiKey { get; set; }

    /// <summary>Override of https://api.stripe.com (tests point it at a local server).</summary>
    public string? BaseUrl { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
