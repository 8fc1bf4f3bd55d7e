using Mediator;

namespace OrderHub.Modules.Fulfillment.Features.GetPackingSlip;

/// <summary>The packing slip of a packed fulfillment, as a PDF (404 unknown, 409 not packed yet).</summary>
internal sealed record GetPackingSlipQuery(Guid FulfillmentId) : IQuery<PackingSlipFile>;

internal sealed record PackingSlipFile(string OrderNumber, byte[] Pdf);
