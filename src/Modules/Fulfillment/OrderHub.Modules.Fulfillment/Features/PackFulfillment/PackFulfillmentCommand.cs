using System.Text.Json.Serialization;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;

namespace OrderHub.Modules.Fulfillment.Features.PackFulfillment;

/// <summary>
/// The body of <c>POST /api/v1/fulfillments/{id}/pack</c>: the packages as packed at the bench, or none for OrderHub to
/// choose the boxes at the lowest shipping cost; and, for work packed ahead (a wine-club release), the day it is to leave.
/// </summary>
internal sealed record PackFulfillmentCommand : IIdempotentCommand<FulfillmentDto>
{
    [JsonIgnore]
    public Guid FulfillmentId { get; init; }

    public IReadOnlyList<PackageRequest>? Packages { get; init; }

    /// <summary>
    /// Packed ahead to leave on this day (a wine-club release): the label is bought that day, or when staff release the
    /// day early (<c>POST /api/v1/shipping/releases</c>). Without it the label is bought now.
    /// </summary>
    public DateOnly? ShipOn { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";

    string IIdempotentCommand<FulfillmentDto>.IdempotencyScope => $"{nameof(PackFulfillmentCommand)}:{FulfillmentId}";

    /// <summary>
    /// A pack's key is almost always new (a bench retries only after a lost answer): the claim goes in the pack's own
    /// save, and a retry, refused because the fulfillment is already packed, is answered from the stored request.
    /// </summary>
    bool IIdempotentCommand<FulfillmentDto>.LooksUpKeyFirst => false;
}

/// <summary>One package: a box code from the catalog (or OWN), its weight when weighed, and what is in it.</summary>
internal sealed record PackageRequest(string? Box, int? WeightGrams, IReadOnlyList<PackageLineRequest>? Lines);

internal sealed record PackageLineRequest(string? Sku, int Quantity);
