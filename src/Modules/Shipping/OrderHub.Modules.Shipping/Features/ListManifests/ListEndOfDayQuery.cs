using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Shipping.Features.ListPickups;
using OrderHub.Modules.Shipping.Features.Manifests;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.ListManifests;

/// <summary>
/// The end of the warehouse day for the back-office: today (UTC, the day a close is for), the manifests of
/// <see cref="Date"/> (else the latest, <see cref="ListManifestsQuery"/>), the pickups of that day (else from
/// <see cref="PickupDays"/> days ago on) and the locations that have shipments (the forms' choices); optionally of one
/// location.
/// </summary>
internal sealed record ListEndOfDayQuery(DateOnly? Date = null, string? LocationCode = null, int PickupDays = 14) : IQuery<EndOfDayDto>;

internal sealed record EndOfDayDto(DateOnly Today, IReadOnlyList<ManifestDto> Manifests, IReadOnlyList<PickupDto> Pickups, DateOnly? PickupsFrom, IReadOnlyList<string> Locations);

internal sealed class ListEndOfDayHandler(ShippingDbContext db, ISender sender, TimeProvider clock) : IQueryHandler<ListEndOfDayQuery, EndOfDayDto>
{
    public async ValueTask<EndOfDayDto> Handle(ListEndOfDayQuery query, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = query.Date is null ? today.AddDays(-Math.Clamp(query.PickupDays, 0, 366)) : (DateOnly?)null;
        var manifests = await sender.Send(new ListManifestsQuery(query.Date, query.LocationCode), cancellationToken);
        var pickups = await sender.Send(new ListPickupsQuery(query.Date, query.LocationCode, from), cancellationToken);
        var locations = await db.Shipments.AsNoTracking().Select(s => s.LocationCode).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
        return new EndOfDayDto(today, manifests, pickups, from, locations);
    }
}
