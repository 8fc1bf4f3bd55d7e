using Mediator;

namespace OrderHub.Modules.Fulfillment.Features.GetPickingBoard;

/// <summary>
/// The warehouse's picking board (back-office, no REST endpoint yet): per location, the warehouse fulfillments waiting
/// for a wave and those in progress, and the latest pick lists.
/// </summary>
internal sealed record GetPickingBoardQuery(int RecentPickLists = 20) : IQuery<PickingBoardDto>;

internal sealed record PickingBoardDto(IReadOnlyList<LocationPickingDto> Locations, IReadOnlyList<PickListSummaryDto> RecentPickLists);

/// <summary>A location with warehouse work: <see cref="Open"/> wait for a wave, the others are on a list or picked.</summary>
internal sealed record LocationPickingDto(string LocationCode, int Open, int Picking, int Picked);

internal sealed record PickListSummaryDto(Guid Id, string Number, string LocationCode, string Status, int Items, DateTimeOffset CreatedAt, string CreatedBy);
