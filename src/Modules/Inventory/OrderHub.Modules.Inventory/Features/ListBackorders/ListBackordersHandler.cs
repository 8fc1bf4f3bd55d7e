using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Domain.Backorders;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ListBackorders;

internal sealed class ListBackordersHandler(InventoryDbContext db) : IQueryHandler<ListBackordersQuery, IReadOnlyList<BackorderRequestDto>>
{
    public async ValueTask<IReadOnlyList<BackorderRequestDto>> Handle(ListBackordersQuery query, CancellationToken cancellationToken)
    {
        var requests = db.BackorderRequests.AsNoTracking().Include(r => r.Lines).AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (!Enum.TryParse<BackorderStatus>(query.Status, ignoreCase: true, out var status))
            {
                throw new BusinessRuleViolationException("BackorderStatusMustExist", "status must be Waiting, Allocated or Cancelled.");
            }

            requests = requests.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Sku))
        {
            var sku = query.Sku.Trim();
            requests = requests.Where(r => r.Lines.Any(l => l.Sku == sku));
        }

        // In serving order (priority, then time) before the cap, so the first 1,000 are the ones served first.
        var list = await requests.OrderByDescending(r => r.Priority).ThenBy(r => r.RequestedAt).ThenBy(r => r.Id).Take(1000).ToListAsync(cancellationToken);
        return [.. list.Select(r => new BackorderRequestDto(
            r.Id, r.ReservationKey, r.OrderNumber, r.Channel, r.Priority, r.Status.ToString(), r.RequestedAt, r.ExpectedAt, r.ClosedAt, r.CloseReason,
            [.. r.Lines.Select(l => new BackorderLineDto(l.Sku, l.Quantity))]))];
    }
}
