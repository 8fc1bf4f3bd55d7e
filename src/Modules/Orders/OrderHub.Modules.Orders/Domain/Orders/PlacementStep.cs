namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>
/// Where an order's placement stands (the seed workflow before fulfillment), read from what the order has recorded:
/// each step runs once, and a resumed placement starts at the first step not yet done.
/// </summary>
internal enum PlacementStep
{
    ReserveStock,
    DecideCompliance,
    AuthorizePayment,

    /// <summary>Every step is done: the order may go ReadyToFulfill (or be handed over, carry-out).</summary>
    Complete,
}
