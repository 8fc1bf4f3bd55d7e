using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Compliance;
using OrderHub.Modules.Fulfillment;
using OrderHub.Modules.Inventory;
using OrderHub.Modules.Notifications;
using OrderHub.Modules.Orders;
using OrderHub.Modules.Payments;
using OrderHub.Modules.Shipping;

namespace OrderHub.Web.Infrastructure;

/// <summary>The modules this host composes. The host knows them by their <see cref="IModule"/> only.</summary>
public static class ModuleCatalog
{
    public static readonly IReadOnlyList<IModule> All =
    [
        new OrdersModule(),
        new InventoryModule(),
        new ComplianceModule(),
        new PaymentsModule(),
        new FulfillmentModule(),
        new ShippingModule(),
        new NotificationsModule(),
    ];
}
