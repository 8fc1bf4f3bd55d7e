using Mediator;

namespace OrderHub.Modules.Inventory.Features.CancelBackorder;

/// <summary>Drops a waiting backorder (its order was cancelled). True when this call cancelled it.</summary>
internal sealed record CancelBackorderCommand(string ReservationKey, string Reason) : ICommand<bool>;
