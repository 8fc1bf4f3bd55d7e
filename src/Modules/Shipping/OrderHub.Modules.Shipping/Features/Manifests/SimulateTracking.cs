using System.Text.Json.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Domain.Manifests;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Features.GetShipment;
using OrderHub.Modules.Shipping.Features.ReceiveTrackingEvent;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.Manifests;

/// <summary><c>POST /api/v1/shipments/{id}/simulate-tracking</c>: the simulated carrier plays a labelled shipment's scans.</summary>
internal sealed record SimulateTrackingCommand : ICommand<ShipmentDetailsDto>
{
    public Guid ShipmentId { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

/// <summary>The simulated carrier's scans of one shipment (<see cref="PlaySimulatedTrackingHandler"/>).</summary>
internal sealed record PlaySimulatedTracking(Guid ShipmentId, DateTimeOffset StartAt) : InternalCommand;

/// <summary>
/// Queues the simulated scans of a LabelCreated shipment whose carrier has no API configured (409 otherwise): a demo
/// of the rest of the journey. Audited.
/// </summary>
internal sealed class SimulateTrackingHandler(ShippingDbContext db, IOptions<CarrierSettings> settings, TimeProvider clock) : ICommandHandler<SimulateTrackingCommand, ShipmentDetailsDto>
{
    public async ValueTask<ShipmentDetailsDto> Handle(SimulateTrackingCommand command, CancellationToken cancellationToken)
    {
        var shipment = await ShipmentChanges.LoadAsync(db, command.ShipmentId, cancellationToken);
        if (shipment is not { Status: ShipmentStatus.LabelCreated, Carrier: { } carrier })
        {
            throw new ConflictException($"Shipment {shipment.Id} of order {shipment.OrderNumber} is {shipment.Status}: only a labelled shipment that has not left can be simulated.");
        }

        if (settings.Value.For(carrier).IsApiConfigured)
        {
            throw new ConflictException($"{carrier} is connected through its API: its own scans track shipment {shipment.Id}, not the simulator.");
        }

        var now = clock.GetUtcNow();
        db.AddInternalCommand(new PlaySimulatedTracking(shipment.Id, now));
        db.AuditEntries.Add(new ShippingAuditEntry(now, command.Actor, "SimulateTracking", shipment.Id, $"{carrier} scans queued for {shipment.TrackingNumber}"));
        return ShipmentChanges.Dto(shipment);
    }
}

/// <summary>
/// Posts InTransit (at the start), OutForDelivery (one business day later) and Delivered (after the service's transit
/// days) for the shipment's first tracking number, through the same handler as the carriers' webhooks. Safe to run
/// again: the same scans at the same instants change nothing.
/// </summary>
internal sealed class PlaySimulatedTrackingHandler(ShippingDbContext db, ISender sender) : IInternalCommandHandler<PlaySimulatedTracking>
{
    public async Task HandleAsync(PlaySimulatedTracking command, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.AsNoTracking().Include(s => s.Packages).SingleOrDefaultAsync(s => s.Id == command.ShipmentId, cancellationToken);
        if (shipment is not { Carrier: { } carrier, TrackingNumber: { } number } || shipment.Status == ShipmentStatus.Voided)
        {
            return;
        }

        var start = command.StartAt;
        var startDay = DateOnly.FromDateTime(start.UtcDateTime);
        var transitDays = shipment.ShipDate is { } ship && shipment.EstimatedDelivery is { } eta ? Math.Max(1, CountBusinessDays(ship, eta)) : 1;
        var outAt = At(BusinessDays.Add(startDay, 1), start);
        var deliveredAt = At(BusinessDays.Add(startDay, transitDays), start).AddHours(1);
        var location = shipment.LocationCode;
        foreach (var (status, at, description) in new[]
                 {
                     ("InTransit", start, $"Picked up by {carrier} (simulated)"),
                     ("OutForDelivery", outAt, "Out for delivery (simulated)"),
                     ("Delivered", deliveredAt, "Delivered (simulated)"),
                 })
        {
            await sender.Send(new ReceiveTrackingEventCommand(carrier.ToString(), number, status, at, description, location), cancellationToken);
        }
    }

    private static DateTimeOffset At(DateOnly day, DateTimeOffset timeOfDay) => new(day.ToDateTime(TimeOnly.FromTimeSpan(timeOfDay.UtcDateTime.TimeOfDay)), TimeSpan.Zero);

    private static int CountBusinessDays(DateOnly from, DateOnly to)
    {
        var days = 0;
        while (BusinessDays.Add(from, days) < to)
        {
            days++;
        }

        return days;
    }
}
