namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>Placement progress: what the steps recorded, the next step, and when placement is due.</summary>
internal sealed partial class Order
{
    public void MarkStockReserved(string detail, DateTimeOffset now)
    {
        StockReserved = true;
        Record(now, "StockReserved", detail, "system:inventory");
    }

    public void MarkStockReleased(string detail, DateTimeOffset now)
    {
        StockReserved = false;
        Record(now, "StockReleased", detail, "system:inventory");
    }

    /// <summary>The next compliance decision key's sequence number.</summary>
    public int StartComplianceCheck() => ++ComplianceChecks;

    /// <summary>The next authorization key's sequence number.</summary>
    public int StartPaymentAttempt() => ++PaymentAttempts;

    public void MarkComplianceApproved(Guid decisionId, bool adultSignature, string detail, DateTimeOffset now)
    {
        ComplianceDecisionId = decisionId;
        AdultSignatureRequired = adultSignature;
        Record(now, "ComplianceApproved", detail, "system:compliance");
    }

    public void MarkPaymentAuthorized(decimal amount, string detail, DateTimeOffset now)
    {
        AuthorizedAmount += amount;
        Record(now, "PaymentAuthorized", detail, "system:payments");
    }

    public void MarkPaymentReleased(decimal amount, string detail, DateTimeOffset now)
    {
        AuthorizedAmount -= amount;
        Record(now, "PaymentReleased", detail, "system:payments");
    }

    public bool IsFullyAuthorized => Total == 0 || AuthorizedAmount >= Total;

    /// <summary>The first placement step this order has not done yet.</summary>
    public PlacementStep NextPlacementStep =>
        !StockReserved ? PlacementStep.ReserveStock
        : ComplianceDecisionId is null ? PlacementStep.DecideCompliance
        : !IsFullyAuthorized ? PlacementStep.AuthorizePayment
        : PlacementStep.Complete;

    /// <summary>True once, after the order (re-)entered Received: the caller schedules its placement.</summary>
    public bool TakePlacementDue()
    {
        var due = _placementDue;
        _placementDue = false;
        return due;
    }

    /// <summary>
    /// Received with no hold: a placement is running (or a crashed one waits for its outbox step). Its compliance and
    /// authorization are taken for the order as it is, so a change or merge now would be decided on the old lines.
    /// </summary>
    public bool IsBeingPlaced => Status == OrderStatus.Received && !ActiveHolds.Any();
}
