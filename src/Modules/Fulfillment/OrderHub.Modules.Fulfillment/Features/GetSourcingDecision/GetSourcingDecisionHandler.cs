using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Persistence;

namespace OrderHub.Modules.Fulfillment.Features.GetSourcingDecision;

internal sealed class GetSourcingDecisionHandler(FulfillmentDbContext db) : IQueryHandler<GetSourcingDecisionQuery, SourcingDecisionDto>
{
    public async ValueTask<SourcingDecisionDto> Handle(GetSourcingDecisionQuery query, CancellationToken cancellationToken)
    {
        var decision = await db.SourcingDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.OrderId == query.OrderId, cancellationToken)
            ?? throw new NotFoundException("Sourcing decision", query.OrderId.ToString());
        var currency = decision.Currency;
        return new SourcingDecisionDto(
            decision.DecidedAt,
            [.. decision.Plan.Select(s => new SourcingShipmentDto(
                s.LocationCode, [.. s.Lines.Select(l => new SourcingLineDto(l.Sku, l.Quantity))], new MoneyDto(s.EstimatedCost, currency), s.ShipDate, s.EstimatedDelivery))],
            [.. decision.Considered.Select(c => new ConsideredLocationDto(
                c.LocationCode, c.Chosen, c.Reason, c.EstimatedCost is { } cost ? new MoneyDto(cost, currency) : null))],
            decision.DecidingRule);
    }
}
