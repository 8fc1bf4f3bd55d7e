using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Modules.Inventory.Features.GetPool;

namespace OrderHub.Modules.Inventory.Features.CreatePool;

/// <summary>
/// The body of <c>POST /api/v1/inventory/pools</c>: sets stock aside for a channel (and optionally a customer tag) until
/// <see cref="ReleaseAt"/>. Every line is set aside in full, or nothing is.
/// </summary>
internal sealed record CreatePoolCommand : IIdempotentCommand<PoolDto>
{
    public string? Name { get; init; }

    /// <summary>The channel that may draw on it, e.g. "Pos", "Web", "WineClub".</summary>
    public string? Channel { get; init; }

    public string? CustomerTag { get; init; }

    /// <summary>Higher is drawn first when a channel has several pools of a SKU. Default 0.</summary>
    public int Priority { get; init; }

    public DateTimeOffset? ReleaseAt { get; init; }

    public IReadOnlyList<PoolLineInput>? Lines { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

internal sealed record PoolLineInput(string? Sku, string? LocationCode, int Quantity);
