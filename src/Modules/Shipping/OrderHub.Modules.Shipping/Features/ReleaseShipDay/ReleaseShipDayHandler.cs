using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.ReleaseShipDay;

/// <summary>
/// A wine-club release: every shipment packed ahead to leave on a later day from one location is to leave today, and its
/// label step is queued. The steps are due one after another at <see cref="ShippingOptions.ReleaseLabelsPerSecond"/>, so
/// thousands of labels do not take the two cores from the checkouts (and stay inside the carriers' request limits); the
/// step queued for the original day finds the label bought and does nothing. One transaction: all or none.
/// </summary>
internal sealed partial class ReleaseShipDayHandler(ShippingDbContext db, ISender sender, IOptions<ShippingOptions> options, TimeProvider clock, ILogger<ReleaseShipDayHandler> logger)
    : ICommandHandler<ReleaseShipDayCommand, ShipDayReleased>
{
    public async ValueTask<ShipDayReleased> Handle(ReleaseShipDayCommand command, CancellationToken cancellationToken)
    {
        var location = command.LocationCode!.Trim().ToUpperInvariant();
        var shipOn = command.ShipOn!.Value;
        var now = clock.GetUtcNow();
        var today = (await sender.Send(new GetLocationShipDayQuery(location, now), cancellationToken)).LocalDate;
        if (shipOn <= today)
        {
            throw new BusinessRuleViolationException("ShipOnMustBeAhead",
                $"Shipments from {location} to ship on {shipOn:yyyy-MM-dd} are due already (today there is {today:yyyy-MM-dd}): their labels are being bought.");
        }

        var waiting = await db.Shipments
            .Where(s => s.LocationCode == location && s.ShipOn == shipOn && s.Status == ShipmentStatus.LabelPending)
            .OrderBy(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        var release = waiting.Where(s => !s.IsHeldForWeather).ToList();
        if (release.Count == 0)
        {
            throw new BusinessRuleViolationException("NothingToRelease",
                $"No shipment from {location} waits to ship on {shipOn:yyyy-MM-dd}" + (waiting.Count > 0 ? $" that is not held for weather ({waiting.Count} are)." : "."));
        }

        var perSecond = options.Value.ReleaseLabelsPerSecond;
        var reason = $"Released to ship today instead of {shipOn:yyyy-MM-dd} ({command.Actor}): {command.Reason!.Trim()}";
        var lastDueAt = now;
        for (var i = 0; i < release.Count; i++)
        {
            release[i].RequestShipOn(today, reason, now);
            lastDueAt = now + TimeSpan.FromSeconds((double)i / perSecond);
            db.AddInternalCommand(new BuyLabel.BuyLabel(release[i].Id, release[i].LabelGeneration), i == 0 ? null : lastDueAt);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"A shipment from {location} to ship on {shipOn:yyyy-MM-dd} changed meanwhile; nothing was released, try again.");
        }

        LogReleased(location, shipOn, release.Count, perSecond, waiting.Count - release.Count, command.Actor);
        return new ShipDayReleased(location, shipOn, release.Count, waiting.Count - release.Count, perSecond, lastDueAt);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Release at {LocationCode}: {Released} shipment(s) packed to ship on {ShipOn} leave today, labels {PerSecond} a second; {StillHeld} held for weather ({Actor})")]
    private partial void LogReleased(string locationCode, DateOnly shipOn, int released, int perSecond, int stillHeld, string actor);
}
