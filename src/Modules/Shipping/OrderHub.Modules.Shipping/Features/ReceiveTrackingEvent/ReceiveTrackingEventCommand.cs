using Mediator;

namespace OrderHub.Modules.Shipping.Features.ReceiveTrackingEvent;

/// <summary>
/// The body of <c>POST /api/v1/shipping/tracking-events</c>: a carrier's scan of one of its tracking numbers (any
/// package of a shipment). A repeated scan changes nothing; an older one never moves a shipment back.
/// </summary>
internal sealed record ReceiveTrackingEventCommand(
    string? Carrier, string? TrackingNumber, string? Status, DateTimeOffset? At, string? Description, string? Location) : ICommand<TrackingEventReceipt>;

/// <summary>What the webhook answers (202): the shipment the number belongs to and its status after the scan.</summary>
internal sealed record TrackingEventReceipt(Guid ShipmentId, string Status, bool Changed);
