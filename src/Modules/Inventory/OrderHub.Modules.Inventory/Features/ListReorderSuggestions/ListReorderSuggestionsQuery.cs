using Mediator;

namespace OrderHub.Modules.Inventory.Features.ListReorderSuggestions;

/// <summary><c>GET /api/v1/inventory/reorder-suggestions?day=&amp;sku=&amp;locationCode=</c>, newest first.</summary>
internal sealed record ListReorderSuggestionsQuery(DateOnly? Day, string? Sku, string? LocationCode) : IQuery<IReadOnlyList<ReorderSuggestionDto>>;

internal sealed record ReorderSuggestionDto(
    Guid Id, string Sku, string LocationCode, DateOnly Day, int Available, int Expected, int ReorderPoint, int SuggestedQuantity,
    string? SupplierLocationCode, Guid? PurchaseOrderId, DateTimeOffset CreatedAt);
