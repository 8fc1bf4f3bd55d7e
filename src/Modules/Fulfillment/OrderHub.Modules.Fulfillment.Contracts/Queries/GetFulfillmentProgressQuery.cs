using Mediator;

namespace OrderHub.Modules.Fulfillment.Contracts.Queries;

/// <summary>Where each of an order's fulfillments stands (cancelled ones included); empty before it is sourced.</summary>
public sealed record GetFulfillmentProgressQuery(Guid OrderId) : IQuery<IReadOnlyList<FulfillmentProgressDto>>;

/// <summary><see cref="Status"/> is Open, Picking, Picked, Packed, Shipped or Cancelled.</summary>
public sealed record FulfillmentProgressDto(Guid FulfillmentId, string LocationCode, string Status);
