using Mediator;
using OrderHub.Modules.Shipping.Domain.Shipments;

namespace OrderHub.Modules.Shipping.Features.GetShipment;

internal sealed record GetShipmentQuery(Guid ShipmentId) : IQuery<ShipmentDetailsDto>;

/// <summary>A shipment as API.md shows it.</summary>
internal sealed record ShipmentDetailsDto(
    Guid Id,
    Guid OrderId,
    string OrderNumber,
    Guid FulfillmentId,
    string LocationCode,
    string? Carrier,
    string? Service,
    string? ServiceName,
    string? TrackingNumber,
    string? TrackingUrl,
    string Status,
    bool AdultSignatureRequired,
    ShipmentRateDto? Rate,
    DateOnly? ShipDate,
    DateOnly? EstimatedDelivery,
    IReadOnlyList<ShipmentPackageDto> Packages,
    IReadOnlyList<TrackingEventDto> Events,
    WeatherHoldDto? Hold,
    ShipOnDto? ShipOn)
{
    public static ShipmentDetailsDto From(Shipment s, Func<Shipment, string, string?> trackingUrl) => new(
        s.Id,
        s.OrderId,
        s.OrderNumber,
        s.FulfillmentId,
        s.LocationCode,
        s.Carrier?.ToString(),
        s.Service?.ToString(),
        s.ServiceName,
        s.TrackingNumber,
        s.TrackingNumber is { } number ? trackingUrl(s, number) : null,
        s.Status.ToString(),
        s.AdultSignatureRequired,
        s.RateAmount is { } amount ? new ShipmentRateDto(amount, s.Currency) : null,
        s.ShipDate,
        s.EstimatedDelivery,
        [.. s.Packages.OrderBy(p => p.Sequence).Select(p => new ShipmentPackageDto(p.Sequence, p.TrackingNumber, p.WeightGrams, p.LengthCm, p.WidthCm, p.HeightCm, p.Sscc))],
        [.. s.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TrackingEventDto(e.At, e.Status.ToString(), e.Description, e.Location))],
        s.WeatherHeldSince is { } since ? new WeatherHoldDto(s.WeatherHoldReason ?? string.Empty, s.WeatherHoldUntil, since) : null,
        s.ShipOn is { } shipOn ? new ShipOnDto(shipOn, s.ShipOnReason ?? string.Empty) : null);
}

/// <summary>Wine waiting for the weather (status stays LabelPending): why, and the proposed ship date (null: none within a year).</summary>
internal sealed record WeatherHoldDto(string Reason, DateOnly? Until, DateTimeOffset Since);

/// <summary>The customer's ship-on date: the label is bought that day.</summary>
internal sealed record ShipOnDto(DateOnly Date, string Reason);

internal sealed record ShipmentRateDto(decimal Amount, string Currency);

/// <summary>A box of the shipment; <c>Sscc</c> is the carton's GS1 SSCC-18 (18 digits; printed "(00)" + the digits) once its label is bought.</summary>
internal sealed record ShipmentPackageDto(int Sequence, string? TrackingNumber, int WeightGrams, int LengthCm, int WidthCm, int HeightCm, string? Sscc);

internal sealed record TrackingEventDto(DateTimeOffset At, string Status, string? Description, string? Location);
