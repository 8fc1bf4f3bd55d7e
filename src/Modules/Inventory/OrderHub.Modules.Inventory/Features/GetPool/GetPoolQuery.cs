using Mediator;

namespace OrderHub.Modules.Inventory.Features.GetPool;

internal sealed record GetPoolQuery(string Name) : IQuery<PoolDto>;

/// <summary>An allocation pool: <c>remaining</c> is still set aside, <c>drawn</c> went to the channel's reservations.</summary>
internal sealed record PoolDto(
    string Name, string Channel, string? CustomerTag, int Priority, DateTimeOffset ReleaseAt, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? ReleasedAt, int Quantity, int Remaining, IReadOnlyList<PoolLineDto> Lines);

/// <summary>One SKU at one location in a pool (released pools show what was left when released as <c>released</c>).</summary>
internal sealed record PoolLineDto(string Sku, string LocationCode, int Quantity, int Remaining, int Drawn);
