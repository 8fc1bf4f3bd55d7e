using Mediator;

namespace OrderHub.Modules.Inventory.Features.ListBackorders;

/// <summary><c>GET /api/v1/inventory/backorders?status=&amp;sku=</c>: backorders in serving order (priority, then time).</summary>
internal sealed record ListBackordersQuery(string? Status, string? Sku) : IQuery<IReadOnlyList<BackorderRequestDto>>;

internal sealed record BackorderRequestDto(
    Guid Id, string ReservationKey, string? OrderNumber, string Channel, int Priority, string Status, DateTimeOffset RequestedAt,
    DateTimeOffset? ExpectedAt, DateTimeOffset? ClosedAt, string? CloseReason, IReadOnlyList<BackorderLineDto> Lines);

internal sealed record BackorderLineDto(string Sku, int Quantity);
