using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.LocationSettings;

/// <summary>Every location's stored settings, by code (locations without a row use the defaults by kind).</summary>
internal sealed record GetLocationSettingsQuery : IQuery<IReadOnlyList<LocationSettingsDto>>;

/// <summary>Every edit of the locations' settings (of one location when <see cref="LocationCode"/> is given), newest first.</summary>
internal sealed record GetLocationSettingsChangesQuery(string? LocationCode) : IQuery<IReadOnlyList<LocationSettingsChangeDto>>;

internal sealed class LocationSettingsQueryHandler(FulfillmentDbContext db)
    : IQueryHandler<GetLocationSettingsQuery, IReadOnlyList<LocationSettingsDto>>, IQueryHandler<GetLocationSettingsChangesQuery, IReadOnlyList<LocationSettingsChangeDto>>
{
    public async ValueTask<IReadOnlyList<LocationSettingsDto>> Handle(GetLocationSettingsQuery query, CancellationToken cancellationToken)
    {
        var settings = await db.LocationSettings.AsNoTracking().OrderBy(s => s.LocationCode).ToListAsync(cancellationToken);
        return [.. settings.Select(LocationSettingsDto.From)];
    }

    public async ValueTask<IReadOnlyList<LocationSettingsChangeDto>> Handle(GetLocationSettingsChangesQuery query, CancellationToken cancellationToken)
    {
        var changes = db.LocationSettingsChanges.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.LocationCode))
        {
            var code = query.LocationCode.Trim();
            changes = changes.Where(c => c.LocationCode == code);
        }

        var rows = await changes.OrderByDescending(c => c.Id).Take(500).ToListAsync(cancellationToken);
        return [.. rows.Select(c => new LocationSettingsChangeDto(
            c.LocationCode, c.Version, c.At, c.Actor, c.Reason, LocationTermsDto.From(c.Before), LocationTermsDto.From(c.After)!))];
    }
}
