using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Fulfillment.Picking;

/// <summary>
/// After a pick list is made: hold each order's units on the bins and lots the list names (<see cref="PinPickedStockHandler"/>),
/// so what ships is what the ledger commits. Written with the list, run by the outbox dispatcher.
/// </summary>
internal sealed record PinPickedStock(Guid PickListId) : InternalCommand;

/// <summary>
/// After a pick list is confirmed: write off the units not found and re-pin substituted lots
/// (<see cref="SettlePickedStockHandler"/>). Written with the confirmation, run by the outbox dispatcher.
/// </summary>
internal sealed record SettlePickedStock(Guid PickListId) : InternalCommand;

/// <summary>
/// After a short pick is written off: source the units not found again, under their own reservation
/// (<see cref="SourceShortfallHandler"/>). Written by <see cref="SettlePickedStockHandler"/>, so it runs after the write-off.
/// </summary>
internal sealed record SourceShortfall(Guid FulfillmentId) : InternalCommand;

/// <summary>A fulfillment with its own reservation was cancelled: give its stock back (<see cref="ReleaseFulfillmentStockHandler"/>).</summary>
internal sealed record ReleaseFulfillmentStock(string ReservationKey, string Reason) : InternalCommand;
