using OrderHub.BuildingBlocks.Messaging;

namespace OrderHub.Modules.Shipping.Contracts.IntegrationEvents;

/// <summary>
/// Wine in a shipment waits for the weather: no label was bought. <see cref="Reason"/> gives the temperatures, the next
/// check and the proposed ship date (<see cref="NewShipDate"/>, null when none within a year fits). Orders puts it on
/// the timeline (the customer's email is issue 23's).
/// </summary>
public sealed record ShipmentHeldForWeatherIntegrationEvent(Guid OrderId, string OrderNumber, Guid ShipmentId, string Reason, DateOnly? NewShipDate) : IntegrationEvent;

/// <summary>The weather lets the held wine travel: its label is being bought, to leave on <see cref="ShipDate"/>.</summary>
public sealed record ShipmentWeatherHoldReleasedIntegrationEvent(Guid OrderId, string OrderNumber, Guid ShipmentId, DateOnly ShipDate) : IntegrationEvent;
