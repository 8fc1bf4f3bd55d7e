using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;

namespace OrderHub.Modules.Fulfillment.Dropship;

/// <summary>
/// The <see cref="ISupplierGateway"/> the module uses: the HTTP adapter for a supplier with an endpoint under
/// <c>OrderHub:Suppliers:&lt;code&gt;</c>, the built-in inbox for every other one.
/// </summary>
internal sealed class SupplierGateways(IServiceProvider services, IOptions<SupplierOptions> options, BuiltInSupplierInbox inbox) : ISupplierGateway
{
    public Task<string> SendAsync(DropshipPurchaseOrder purchaseOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purchaseOrder);
        return options.Value.For(purchaseOrder.SupplierCode) is null
            ? inbox.SendAsync(purchaseOrder, cancellationToken)
            : services.GetRequiredService<HttpSupplierGateway>().SendAsync(purchaseOrder, cancellationToken);
    }
}
