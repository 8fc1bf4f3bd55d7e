using Mediator;

namespace OrderHub.Modules.Fulfillment.Features.GetPurchaseOrderDocument;

/// <summary>The printable PDF of a dropship purchase order (<c>GET /api/v1/purchase-orders/{id}/document.pdf</c>).</summary>
internal sealed record GetPurchaseOrderDocumentQuery(Guid Id) : IQuery<PurchaseOrderDocumentFile>;

internal sealed record PurchaseOrderDocumentFile(string Number, byte[] Pdf);
