using System.Text.Json.Serialization;
using Mediator;

namespace OrderHub.Modules.Inventory.Features.QuarantineLot;

/// <summary>
/// The body of <c>PUT /api/v1/inventory/lots/{locationCode}/{sku}/{lot}/quarantine</c>: hold a lot back from picking (a
/// recall, a damaged case, a lab check) in every bin of the location, or release it; the reason is logged with who did it.
/// </summary>
internal sealed record QuarantineLotCommand : ICommand<QuarantinedLotDto>
{
    [JsonIgnore]
    public string LocationCode { get; init; } = string.Empty;

    [JsonIgnore]
    public string Sku { get; init; } = string.Empty;

    [JsonIgnore]
    public string Lot { get; init; } = string.Empty;

    public bool Quarantined { get; init; } = true;

    public string? Reason { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

/// <summary>The lot's state and how many units (in how many bins) it covers at the location.</summary>
internal sealed record QuarantinedLotDto(string LocationCode, string Sku, string Lot, bool Quarantined, int Bins, int OnHand);
