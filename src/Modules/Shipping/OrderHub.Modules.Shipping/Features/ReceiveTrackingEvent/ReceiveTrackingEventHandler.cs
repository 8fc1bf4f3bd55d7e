using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.ReceiveTrackingEvent;

/// <summary>
/// Applies a carrier's scan to the shipment that owns the tracking number and, when its status moves, announces it
/// (Orders follows; the first departure completes that part of the sale). Two scans of one shipment at once: the
/// loser of the version race reads the shipment again and applies its scan on top, so neither is lost.
/// </summary>
internal sealed partial class ReceiveTrackingEventHandler(ShippingDbContext db, TimeProvider clock, ILogger<ReceiveTrackingEventHandler> logger)
    : ICommandHandler<ReceiveTrackingEventCommand, TrackingEventReceipt>
{
    private const int Attempts = 5;

    public async ValueTask<TrackingEventReceipt> Handle(ReceiveTrackingEventCommand command, CancellationToken cancellationToken)
    {
        var carrier = Enum.Parse<Carrier>(command.Carrier!, ignoreCase: true);
        var status = Enum.Parse<ShipmentStatus>(command.Status!);
        var number = command.TrackingNumber!.Trim().ToUpperInvariant();
        var groundNumber = carrier == Carrier.FedEx && number.Length == 15; // FedEx Ground's own 15 digits of the 22-digit barcode we keep
        for (var attempt = 1; ; attempt++)
        {
            var shipment = await db.Shipments.Include(s => s.Packages).Include(s => s.Lines).Include(s => s.Events).AsSplitQuery()
                .SingleOrDefaultAsync(s => s.Carrier == carrier && s.Packages.Any(p => p.TrackingNumber == number || (groundNumber && p.TrackingNumber!.EndsWith(number))), cancellationToken)
                ?? throw new NotFoundException("Shipment with tracking number", $"{carrier} {number}");
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["OrderNumber"] = shipment.OrderNumber });
            var now = clock.GetUtcNow();
            var before = shipment.Track(status, command.At!.Value.ToUniversalTime(), command.Description, command.Location, now);
            if (before is { } previous)
            {
                db.AddIntegrationEvent(ShipmentEvents.StatusChanged(shipment, previous, command.At.Value, command.Description));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear(); // another scan of this shipment saved first: read it again and apply ours on top
                continue;
            }

            if (before is not null)
            {
                LogMoved(shipment.OrderNumber, number, before.Value, shipment.Status);
            }

            return new TrackingEventReceipt(shipment.Id, shipment.Status.ToString(), before is not null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment of order {OrderNumber} ({TrackingNumber}) went from {From} to {To}")]
    private partial void LogMoved(string orderNumber, string trackingNumber, ShipmentStatus from, ShipmentStatus to);
}
