using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Modules.Fulfillment.Picking;

namespace OrderHub.Modules.Fulfillment.Features.CreatePickList;

/// <summary>The body of <c>POST /api/v1/pick-lists</c>: one wave of a location's open fulfillments, oldest first.</summary>
internal sealed record CreatePickListCommand : IIdempotentCommand<PickListDto>
{
    /// <summary>When left out, a wave takes up to this many orders (a cart's worth for one walk).</summary>
    public const int DefaultMaxOrders = 200;

    public string? LocationCode { get; init; }

    public int? MaxOrders { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}
