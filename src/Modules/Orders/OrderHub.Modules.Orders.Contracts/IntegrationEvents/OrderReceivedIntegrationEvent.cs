using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Orders.Contracts.IntegrationEvents;

/// <summary>An order was accepted (HTTP 201) and stored. Published once per order.</summary>
public sealed record OrderReceivedIntegrationEvent(
    Guid OrderId,
    string OrderNumber,
    string Channel,
    string CustomerEmail,
    string CustomerName,
    IReadOnlyList<OrderReceivedLine> Lines) : IntegrationEvent;

public sealed record OrderReceivedLine(string Sku, int Quantity);
