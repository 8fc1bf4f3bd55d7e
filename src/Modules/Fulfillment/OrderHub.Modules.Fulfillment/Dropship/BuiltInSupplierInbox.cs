using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;

namespace OrderHub.Modules.Fulfillment.Dropship;

/// <summary>
/// The built-in adapter (the default for every supplier without an HTTP endpoint): a simulated supplier inbox that takes
/// each purchase order, keeps it in memory and acknowledges it at once under <c>INBOX-&lt;number&gt;</c>. The supplier's
/// shipment is then reported through <c>POST /api/v1/purchase-orders/{id}/shipments</c> (by the supplier, or by staff
/// on its behalf from the PDF sent by mail).
/// </summary>
internal sealed partial class BuiltInSupplierInbox(ILogger<BuiltInSupplierInbox> logger) : ISupplierGateway
{
    private readonly ConcurrentDictionary<string, DropshipPurchaseOrder> _received = new(StringComparer.Ordinal);

    /// <summary>Purchase orders received, by number (a resend replaces the first copy).</summary>
    public IReadOnlyDictionary<string, DropshipPurchaseOrder> Received => _received;

    public Task<string> SendAsync(DropshipPurchaseOrder purchaseOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purchaseOrder);
        _received[purchaseOrder.Number] = purchaseOrder;
        LogReceived(purchaseOrder.Number, purchaseOrder.SupplierCode, purchaseOrder.OrderNumber);
        return Task.FromResult($"INBOX-{purchaseOrder.Number}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase order {PurchaseOrderNumber} for order {OrderNumber} left in the built-in inbox of {SupplierCode}, acknowledged")]
    private partial void LogReceived(string purchaseOrderNumber, string supplierCode, string orderNumber);
}
