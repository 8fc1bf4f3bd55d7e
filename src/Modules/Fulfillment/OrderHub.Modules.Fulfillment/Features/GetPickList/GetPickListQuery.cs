using Mediator;
using OrderHub.Modules.Fulfillment.Picking;

namespace OrderHub.Modules.Fulfillment.Features.GetPickList;

/// <summary>A pick list by id (404 when unknown).</summary>
internal sealed record GetPickListQuery(Guid Id) : IQuery<PickListDto>;

/// <summary>A pick list as a printable PDF (bins, lots, a Code 128 per item).</summary>
internal sealed record GetPickListDocumentQuery(Guid Id) : IQuery<PickListDocumentFile>;

internal sealed record PickListDocumentFile(string Number, byte[] Pdf);
