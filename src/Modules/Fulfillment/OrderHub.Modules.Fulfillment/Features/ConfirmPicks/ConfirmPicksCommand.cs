using System.Text.Json.Serialization;
using Mediator;
using OrderHub.Modules.Fulfillment.Picking;

namespace OrderHub.Modules.Fulfillment.Features.ConfirmPicks;

/// <summary>
/// The body of <c>POST /api/v1/pick-lists/{id}/confirm</c>: what the picker took, by sequence; items left out were picked
/// in full. A lot names a substitution from the same bin.
/// </summary>
internal sealed record ConfirmPicksCommand : ICommand<PickListDto>
{
    [JsonIgnore]
    public Guid PickListId { get; init; }

    public IReadOnlyList<ConfirmedItem>? Items { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

internal sealed record ConfirmedItem(int Sequence, int PickedQuantity, string? Lot = null);
