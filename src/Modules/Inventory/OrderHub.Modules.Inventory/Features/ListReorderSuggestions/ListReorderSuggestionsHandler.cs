using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ListReorderSuggestions;

internal sealed class ListReorderSuggestionsHandler(InventoryDbContext db) : IQueryHandler<ListReorderSuggestionsQuery, IReadOnlyList<ReorderSuggestionDto>>
{
    public async ValueTask<IReadOnlyList<ReorderSuggestionDto>> Handle(ListReorderSuggestionsQuery query, CancellationToken cancellationToken)
    {
        var suggestions = db.ReorderSuggestions.AsNoTracking();
        if (query.Day is { } day)
        {
            suggestions = suggestions.Where(s => s.Day == day);
        }

        if (!string.IsNullOrWhiteSpace(query.Sku))
        {
            var sku = query.Sku.Trim();
            suggestions = suggestions.Where(s => s.Sku == sku);
        }

        if (!string.IsNullOrWhiteSpace(query.LocationCode))
        {
            var location = query.LocationCode.Trim();
            suggestions = suggestions.Where(s => s.LocationCode == location);
        }

        var list = await suggestions.OrderByDescending(s => s.Day).ThenBy(s => s.LocationCode).ThenBy(s => s.Sku).Take(1000).ToListAsync(cancellationToken);
        return [.. list.Select(s => new ReorderSuggestionDto(
            s.Id, s.Sku, s.LocationCode, s.Day, s.Available, s.Expected, s.ReorderPoint, s.SuggestedQuantity, s.SupplierLocationCode, s.PurchaseOrderId, s.CreatedAt))];
    }
}
