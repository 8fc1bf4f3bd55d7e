using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.Rating;

namespace OrderHub.Modules.Shipping.Features.RateTables;

/// <summary>The rate tables in force (the built-in ones, version 0, before the first edit).</summary>
internal sealed record GetRateTablesQuery : IQuery<RateTablesDto>;

/// <summary>Every edit of the rate tables, newest first (the audit trail).</summary>
internal sealed record GetRateTablesChangesQuery : IQuery<IReadOnlyList<RateTablesChangeDto>>;

internal sealed class RateTablesQueryHandler(ShippingDbContext db)
    : IQueryHandler<GetRateTablesQuery, RateTablesDto>, IQueryHandler<GetRateTablesChangesQuery, IReadOnlyList<RateTablesChangeDto>>
{
    public async ValueTask<RateTablesDto> Handle(GetRateTablesQuery query, CancellationToken cancellationToken) =>
        RateTablesDto.From(await db.RateTableSets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RateTableSet.SingletonId, cancellationToken));

    public async ValueTask<IReadOnlyList<RateTablesChangeDto>> Handle(GetRateTablesChangesQuery query, CancellationToken cancellationToken)
    {
        var changes = await db.RateTablesChanges.AsNoTracking().OrderByDescending(c => c.Version).Take(100).ToListAsync(cancellationToken);
        return [.. changes.Select(c => new RateTablesChangeDto(c.Version, c.At, c.Actor, c.Reason, c.Before, c.After))];
    }
}
