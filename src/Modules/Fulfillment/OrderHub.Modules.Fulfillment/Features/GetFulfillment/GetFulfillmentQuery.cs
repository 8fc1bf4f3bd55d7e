using Mediator;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;

namespace OrderHub.Modules.Fulfillment.Features.GetFulfillment;

/// <summary>One fulfillment by id (back-office, no REST endpoint yet; 404 when unknown), with the pick list it is on.</summary>
internal sealed record GetFulfillmentQuery(Guid Id) : IQuery<FulfillmentDetailsDto>;

/// <summary>The fulfillment as the API shows it, and the pick list it is on once it is on one.</summary>
internal sealed record FulfillmentDetailsDto(FulfillmentDto Fulfillment, Guid? PickListId, string? PickListNumber);
