using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Orders.Contracts.IntegrationEvents;

/// <summary>An order (or what was left of it) was cancelled before shipment. Inventory releases its reservation,
/// Payments voids what was authorized, Compliance stops counting its volume.</summary>
public sealed record OrderCancelledIntegrationEvent(Guid OrderId, string OrderNumber, string Reason, string StockReservationKey) : IntegrationEvent;
