using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Shipping.Features.Manifests;
using OrderHub.Modules.Shipping.Persistence;

namespace OrderHub.Modules.Shipping.Features.ListPickups;

/// <summary>
/// Pickups booked with the carriers, latest day first (at most 200): of one day, or from <see cref="From"/> on when no
/// day is given, optionally of one location.
/// </summary>
internal sealed record ListPickupsQuery(DateOnly? Date = null, string? LocationCode = null, DateOnly? From = null) : IQuery<IReadOnlyList<PickupDto>>;

internal sealed class ListPickupsHandler(ShippingDbContext db) : IQueryHandler<ListPickupsQuery, IReadOnlyList<PickupDto>>
{
    public const int MaxRows = 200;

    public async ValueTask<IReadOnlyList<PickupDto>> Handle(ListPickupsQuery query, CancellationToken cancellationToken)
    {
        var pickups = db.Pickups.AsNoTracking();
        if (query.Date is { } date)
        {
            pickups = pickups.Where(p => p.Date == date);
        }
        else if (query.From is { } from)
        {
            pickups = pickups.Where(p => p.Date >= from);
        }

        if (!string.IsNullOrWhiteSpace(query.LocationCode))
        {
            var location = query.LocationCode.Trim().ToUpperInvariant();
            pickups = pickups.Where(p => p.LocationCode == location);
        }

        var rows = await pickups.OrderByDescending(p => p.Date).ThenBy(p => p.LocationCode).ThenBy(p => p.Carrier).Take(MaxRows).ToListAsync(cancellationToken);
        return [.. rows.Select(Pickups.Dto)];
    }
}
