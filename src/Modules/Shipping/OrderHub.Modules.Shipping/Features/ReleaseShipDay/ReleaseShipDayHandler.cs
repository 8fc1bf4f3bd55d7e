using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Shipping.Domain.Shipments;
using OrderHub.Modules.Shipping.Features.BuyLabel;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.ReleaseShipDay;

/// <summary>
/// A wine-club release: every shipment packed ahead to leave on a later day from one location is to leave today, and its
/// label is queued in a batch (<see cref="BuyLabels"/>). The batches are due one after another at <see cref="ShippingOptions.ReleaseLabelsPerSecond"/>, so
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
        release.ForEach(s => s.RequestShipOn(today, reason, now));
        var lastDueAt = now;
        var batchSize = BatchSize(perSecond);
        foreach (var (batch, index) in release.Chunk(batchSize).Select((b, i) => (b, i)))
        {
            lastDueAt = now + TimeSpan.FromSeconds((double)index * batchSize / perSecond);
            db.AddInternalCommand(new BuyLabels([.. batch.Select(s => new LabelToBuy(s.Id, s.LabelGeneration))]), index == 0 ? null : lastDueAt);
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

    /// <summary>
    /// Labels per step: a fifth of a second's worth (10 at 50 a second), at most <see cref="BuyLabels.MaxBatch"/>. A batch
    /// shares one step, transaction and save; five a second keep the pace even, not a burst each second.
    /// </summary>
    public static int BatchSize(int perSecond) => Math.Clamp((int)Math.Ceiling(perSecond / 5.0), 1, BuyLabels.MaxBatch);

    [LoggerMessage(Level = LogLevel.Information, Message = "Release at {LocationCode}: {Released} shipment(s) packed to ship on {ShipOn} leave today, labels {PerSecond} a second; {StillHeld} held for weather ({Actor})")]
    private partial void LogReleased(string locationCode, DateOnly shipOn, int released, int perSecond, int stillHeld, string actor);
}
