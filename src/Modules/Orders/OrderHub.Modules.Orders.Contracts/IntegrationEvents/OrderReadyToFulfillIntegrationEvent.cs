using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Orders.Contracts.IntegrationEvents;

/// <summary>
/// An order to ship was placed: its stock is held under <paramref name="StockReservationKey"/>, the law allows it and
/// its payment is authorized. Fulfillment sources it (the ship-from location of every line) from here. Published once
/// per order, in the transaction that made it ReadyToFulfill; carry-out sales are handed over instead.
/// </summary>
public sealed record OrderReadyToFulfillIntegrationEvent(
    Guid OrderId,
    string OrderNumber,
    string Channel,
    string StockReservationKey,
    string RecipientName,
    Address ShipTo,
    string ShippingService,
    bool AdultSignatureRequired,
    DateTimeOffset PlacedAt,
    IReadOnlyList<ReadyLine> Lines) : IntegrationEvent;

/// <summary>A line to fulfil, by its number on the order.</summary>
public sealed record ReadyLine(int LineNumber, string Sku, int Quantity);
