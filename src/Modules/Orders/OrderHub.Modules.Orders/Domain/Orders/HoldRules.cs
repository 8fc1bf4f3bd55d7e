namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>
/// Why an order waits: every hold is placed by one rule, stored by <see cref="Name"/> on the hold (API.md shows it as
/// <c>rule</c>), so code that must recognise a hold asks for its rule's name here, never a string of its own.
/// </summary>
internal abstract record HoldRule(HoldType Type, string Name, string Reason);

/// <summary>The gateway did not answer: the authorization is retried by itself (<c>RetryPendingAuthorization</c>).</summary>
internal sealed record PaymentPendingRule() : HoldRule(HoldType.Payment, RuleName, "The payment gateway did not answer; the authorization is retried automatically")
{
    public const string RuleName = "PaymentPending";
}

/// <summary>The card was declined: a new card (an order change) or a staff release tries again with a new key.</summary>
internal sealed record PaymentDeclinedRule(string DeclineCode, string Message)
    : HoldRule(HoldType.Payment, RuleName, $"Payment declined: {DeclineCode} ({Message})")
{
    public const string RuleName = "PaymentDeclined";
}

internal sealed record PaymentMissingRule() : HoldRule(HoldType.Payment, RuleName, "No payment method on the order")
{
    public const string RuleName = "PaymentMissing";
}

/// <summary>Short of stock and no expected supply covers it: staff release it once stock is received.</summary>
internal sealed record InsufficientStockRule(string Shortages) : HoldRule(HoldType.Inventory, RuleName, $"Insufficient stock ({Shortages})")
{
    public const string RuleName = "InsufficientStock";
}

/// <summary>Short of stock but expected supply covers it: Inventory clears the hold itself when it allocates the stock.</summary>
internal sealed record BackorderedRule(string ExpectedBy, string Shortages)
    : HoldRule(HoldType.Inventory, RuleName, $"Backordered until about {ExpectedBy} ({Shortages})")
{
    public const string RuleName = "Backordered";
}

/// <summary>Sourcing found no location that may ship part of the order (licence, consumer shipping, a staff rule).</summary>
internal sealed record NoShipFromLocationRule(string Why) : HoldRule(HoldType.Inventory, RuleName, Why)
{
    public const string RuleName = "NoShipFromLocation";
}

/// <summary>The compliance decision held the order; its rule name is the law's (e.g. <c>VolumeLimitExceeded</c>).</summary>
internal sealed record ComplianceHoldRule(string? LawRule, string Why) : HoldRule(HoldType.Compliance, LawRule ?? string.Empty, Why);

/// <summary>A person placed the hold (API.md, "Holds"): no rule, only their reason.</summary>
internal sealed record StaffHoldRule(HoldType HoldType, string Why) : HoldRule(HoldType, string.Empty, Why);
