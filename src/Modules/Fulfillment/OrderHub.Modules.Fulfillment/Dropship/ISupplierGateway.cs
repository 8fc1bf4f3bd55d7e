using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;

namespace OrderHub.Modules.Fulfillment.Dropship;

/// <summary>
/// The port to a supplier's order desk: hands it a dropship purchase order and answers the supplier's acknowledgement
/// reference. Sending the same purchase order again must be harmless (the supplier sees the same number). Throws
/// <see cref="SupplierRejectedException"/> when the supplier refuses it for good; any other failure is transient and the
/// step is retried by the outbox.
/// </summary>
internal interface ISupplierGateway
{
    Task<string> SendAsync(DropshipPurchaseOrder purchaseOrder, CancellationToken cancellationToken);
}

/// <summary>The supplier refused the purchase order (not a transient failure): it is not sent again by itself.</summary>
internal sealed class SupplierRejectedException(string message) : Exception(message);
