using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Security;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Host;

/// <summary>
/// The modules' HTTP surface as API.md states it: each endpoint's name, method, route, Swagger tag and the one scope it
/// needs, however the module groups its endpoints.
/// </summary>
public sealed class EndpointContractTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly (string Name, string Method, string Route, string Tag, string Scope)[] Expected =
    [
        ("GetInventoryModuleStatus", "GET", "/api/v1/modules/inventory/status", "System", ApiScopes.SystemRead),
        ("GetProduct", "GET", "/api/v1/products/{sku}", "Catalog", ApiScopes.CatalogRead),
        ("CreateProduct", "POST", "/api/v1/products", "Catalog", ApiScopes.CatalogWrite),
        ("ImportProducts", "POST", "/api/v1/products/import", "Catalog", ApiScopes.CatalogWrite),
        ("GetStockAvailability", "GET", "/api/v1/inventory/{sku}", "Inventory", ApiScopes.InventoryRead),
        ("GetChannelAvailability", "GET", "/api/v1/inventory/{sku}/channels", "Inventory", ApiScopes.InventoryRead),
        ("ReceiveStock", "POST", "/api/v1/inventory/receipts", "Inventory", ApiScopes.InventoryWrite),
        ("AdjustStock", "POST", "/api/v1/inventory/adjustments", "Inventory", ApiScopes.InventoryWrite),
        ("ImportStock", "POST", "/api/v1/inventory/import", "Inventory", ApiScopes.InventoryWrite),
        ("TransferStock", "POST", "/api/v1/inventory/transfers", "Inventory", ApiScopes.InventoryWrite),
        ("GetTransfer", "GET", "/api/v1/inventory/transfers/{id:guid}", "Inventory", ApiScopes.InventoryRead),
        ("ReceiveTransfer", "POST", "/api/v1/inventory/transfers/{id:guid}/receive", "Inventory", ApiScopes.InventoryWrite),
        ("ReserveStock", "POST", "/api/v1/inventory/reservations", "Inventory", ApiScopes.InventoryWrite),
        ("ReleaseStock", "POST", "/api/v1/inventory/reservations/{key}/release", "Inventory", ApiScopes.InventoryWrite),
        ("CreateAllocationPool", "POST", "/api/v1/inventory/pools", "Inventory", ApiScopes.InventoryWrite),
        ("GetAllocationPool", "GET", "/api/v1/inventory/pools/{name}", "Inventory", ApiScopes.InventoryRead),
        ("ReleaseAllocationPool", "POST", "/api/v1/inventory/pools/{name}/release", "Inventory", ApiScopes.InventoryWrite),
        ("ListBackorders", "GET", "/api/v1/inventory/backorders", "Inventory", ApiScopes.InventoryRead),
        ("SetReorderPoint", "PUT", "/api/v1/inventory/reorder-points/{locationCode}/{sku}", "Inventory", ApiScopes.InventoryWrite),
        ("QuarantineLot", "PUT", "/api/v1/inventory/lots/{locationCode}/{sku}/{lot}/quarantine", "Inventory", ApiScopes.InventoryWrite),
        ("ApplySupplierFeed", "PUT", "/api/v1/inventory/supplier-feeds/{locationCode}", "Inventory", ApiScopes.InventoryWrite),
        ("ListReorderSuggestions", "GET", "/api/v1/inventory/reorder-suggestions", "Inventory", ApiScopes.InventoryRead),
        ("CreateLocation", "POST", "/api/v1/locations", "Inventory", ApiScopes.InventoryWrite),
        ("GetLocation", "GET", "/api/v1/locations/{code}", "Inventory", ApiScopes.InventoryRead),
        ("GetLocationInventory", "GET", "/api/v1/locations/{code}/inventory", "Inventory", ApiScopes.InventoryRead),
        ("CreatePurchaseOrder", "POST", "/api/v1/purchase-orders", "Inventory", ApiScopes.InventoryWrite),
        ("GetPurchaseOrder", "GET", "/api/v1/purchase-orders/{id:guid}", "Inventory", ApiScopes.InventoryRead),
        ("ReceivePurchaseOrder", "POST", "/api/v1/purchase-orders/{id:guid}/receipts", "Inventory", ApiScopes.InventoryWrite),
        ("SubmitPurchaseOrder", "POST", "/api/v1/purchase-orders/{id:guid}/submit", "Inventory", ApiScopes.InventoryWrite),
        ("SearchOrders", "GET", "/api/v1/orders", "Orders", ApiScopes.OrdersRead),
        ("GetOrderDetails", "GET", "/api/v1/orders/{id:guid}", "Orders", ApiScopes.OrdersRead),
        ("GetOrderFulfillments", "GET", "/api/v1/orders/{id:guid}/fulfillments", "Fulfillment", ApiScopes.FulfillmentRead),
        ("CreatePickList", "POST", "/api/v1/pick-lists", "Fulfillment", ApiScopes.FulfillmentWrite),
        ("GetPickList", "GET", "/api/v1/pick-lists/{id:guid}", "Fulfillment", ApiScopes.FulfillmentRead),
        ("GetPickListDocument", "GET", "/api/v1/pick-lists/{id:guid}/document.pdf", "Fulfillment", ApiScopes.FulfillmentRead),
        ("ConfirmPicks", "POST", "/api/v1/pick-lists/{id:guid}/confirm", "Fulfillment", ApiScopes.FulfillmentWrite),
        ("PackFulfillment", "POST", "/api/v1/fulfillments/{id:guid}/pack", "Fulfillment", ApiScopes.FulfillmentWrite),
        ("GetPackingSlip", "GET", "/api/v1/fulfillments/{id:guid}/packing-slip.pdf", "Fulfillment", ApiScopes.FulfillmentRead),
        ("GetSourcingRules", "GET", "/api/v1/fulfillment/sourcing-rules", "Fulfillment", ApiScopes.FulfillmentRead),
        ("GetSourcingRulesChanges", "GET", "/api/v1/fulfillment/sourcing-rules/changes", "Fulfillment", ApiScopes.FulfillmentRead),
        ("ReplaceSourcingRules", "PUT", "/api/v1/fulfillment/sourcing-rules", "Fulfillment", ApiScopes.FulfillmentWrite),
        ("GetLocationSettings", "GET", "/api/v1/fulfillment/locations/settings", "Fulfillment", ApiScopes.FulfillmentRead),
        ("GetLocationSettingsChanges", "GET", "/api/v1/fulfillment/locations/settings/changes", "Fulfillment", ApiScopes.FulfillmentRead),
        ("ReplaceLocationSettings", "PUT", "/api/v1/fulfillment/locations/{code}/settings", "Fulfillment", ApiScopes.FulfillmentWrite),
        ("GetSourcingDecision", "GET", "/api/v1/orders/{id:guid}/sourcing", "Fulfillment", ApiScopes.FulfillmentRead),
        ("QuoteFulfillment", "POST", "/api/v1/fulfillment/quote", "Fulfillment", ApiScopes.FulfillmentRead),
        ("GetPurchaseOrderDocument", "GET", "/api/v1/purchase-orders/{id:guid}/document.pdf", "Fulfillment", ApiScopes.FulfillmentRead),
        ("ReportDropshipShipment", "POST", "/api/v1/purchase-orders/{id:guid}/shipments", "Fulfillment", ApiScopes.FulfillmentWrite),
        ("PlaceOrder", "POST", "/api/v1/orders", "Orders", ApiScopes.OrdersWrite),
        ("ImportOrders", "POST", "/api/v1/orders/import", "Orders", ApiScopes.OrdersWrite),
        ("CancelOrder", "POST", "/api/v1/orders/{id:guid}/cancel", "Orders", ApiScopes.OrdersWrite),
        ("ChangeOrder", "POST", "/api/v1/orders/{id:guid}/changes", "Orders", ApiScopes.OrdersWrite),
        ("ConsolidateOrders", "POST", "/api/v1/orders/{id:guid}/consolidate", "Orders", ApiScopes.OrdersWrite),
        ("PlaceHold", "POST", "/api/v1/orders/{id:guid}/holds", "Orders", ApiScopes.OrdersWrite),
        ("ReleaseHold", "POST", "/api/v1/orders/{id:guid}/holds/{type}/release", "Orders", ApiScopes.OrdersWrite),
        ("AddOrderNote", "POST", "/api/v1/orders/{id:guid}/notes", "Orders", ApiScopes.OrdersWrite),
        ("ReshipOrder", "POST", "/api/v1/orders/{id:guid}/reship", "Orders", ApiScopes.OrdersWrite),
        ("GetComplianceRules", "GET", "/api/v1/compliance/rules", "Compliance", ApiScopes.ComplianceRead),
        ("GetComplianceRule", "GET", "/api/v1/compliance/rules/{state}", "Compliance", ApiScopes.ComplianceRead),
        ("UpdateComplianceRule", "PUT", "/api/v1/compliance/rules/{state}", "Compliance", ApiScopes.ComplianceWrite),
        ("GetWineryPermits", "GET", "/api/v1/compliance/permits", "Compliance", ApiScopes.ComplianceRead),
        ("UpdateWineryPermit", "PUT", "/api/v1/compliance/permits/{state}", "Compliance", ApiScopes.ComplianceWrite),
        ("GetComplianceDecision", "GET", "/api/v1/compliance/decisions/{id:guid}", "Compliance", ApiScopes.ComplianceRead),
        ("GetComplianceDocument", "GET", "/api/v1/compliance/decisions/{id:guid}/document.pdf", "Compliance", ApiScopes.ComplianceRead),
        ("GetComplianceReport", "GET", "/api/v1/compliance/report", "Compliance", ApiScopes.ComplianceRead),
        ("GetOrderPayments", "GET", "/api/v1/payments/orders/{orderId:guid}", "Payments", ApiScopes.PaymentsRead),
        ("RefundPayment", "POST", "/api/v1/payments/orders/{orderId:guid}/refunds", "Payments", ApiScopes.PaymentsWrite),
        ("ListEmails", "GET", "/api/v1/notifications/emails", "Notifications", ApiScopes.NotificationsRead),
        ("GetEmail", "GET", "/api/v1/notifications/emails/{id:guid}", "Notifications", ApiScopes.NotificationsRead),
        ("RetryEmail", "POST", "/api/v1/notifications/emails/{id:guid}/retry", "Notifications", ApiScopes.NotificationsWrite),
        ("ListEmailTemplates", "GET", "/api/v1/notifications/email-templates", "Notifications", ApiScopes.NotificationsRead),
        ("GetEmailTemplate", "GET", "/api/v1/notifications/email-templates/{type}", "Notifications", ApiScopes.NotificationsRead),
        ("SaveEmailTemplate", "PUT", "/api/v1/notifications/email-templates/{type}", "Notifications", ApiScopes.NotificationsWrite),
        ("PreviewEmailTemplate", "POST", "/api/v1/notifications/email-templates/{type}/preview", "Notifications", ApiScopes.NotificationsRead),
        ("ResetEmailTemplate", "DELETE", "/api/v1/notifications/email-templates/{type}", "Notifications", ApiScopes.NotificationsWrite),
        ("ListStaffAlerts", "GET", "/api/v1/alerts", "Alerts", ApiScopes.NotificationsRead),
        ("AcknowledgeStaffAlert", "POST", "/api/v1/alerts/{id:guid}/acknowledge", "Alerts", ApiScopes.NotificationsWrite),
        ("RateShipment", "POST", "/api/v1/shipping/rates", "Shipping", ApiScopes.ShippingRead),
        ("GetRateTables", "GET", "/api/v1/shipping/rate-tables", "Shipping", ApiScopes.ShippingRead),
        ("GetRateTablesChanges", "GET", "/api/v1/shipping/rate-tables/changes", "Shipping", ApiScopes.ShippingRead),
        ("ReplaceRateTables", "PUT", "/api/v1/shipping/rate-tables", "Shipping", ApiScopes.ShippingWrite),
        ("VoidShipment", "POST", "/api/v1/shipments/{id:guid}/void", "Shipping", ApiScopes.ShippingWrite),
        ("RelabelShipment", "POST", "/api/v1/shipments/{id:guid}/relabel", "Shipping", ApiScopes.ShippingWrite),
        ("SimulateTracking", "POST", "/api/v1/shipments/{id:guid}/simulate-tracking", "Shipping", ApiScopes.ShippingWrite),
        ("CloseManifest", "POST", "/api/v1/shipping/manifests", "Shipping", ApiScopes.ShippingWrite),
        ("GetManifest", "GET", "/api/v1/shipping/manifests/{id:guid}", "Shipping", ApiScopes.ShippingRead),
        ("GetManifestDocument", "GET", "/api/v1/shipping/manifests/{id:guid}/document.pdf", "Shipping", ApiScopes.ShippingRead),
        ("ListManifests", "GET", "/api/v1/shipping/manifests", "Shipping", ApiScopes.ShippingRead),
        ("RequestPickup", "POST", "/api/v1/shipping/pickups", "Shipping", ApiScopes.ShippingWrite),
    ];

    [Fact]
    public void Every_endpoint_keeps_its_name_method_route_tag_and_one_scope()
    {
        fixture.RequireProvider();
        var names = Expected.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is { } name && names.Contains(name.EndpointName))
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, StringComparer.Ordinal);

        endpoints.Keys.Order(StringComparer.Ordinal).ShouldBe(names.Order(StringComparer.Ordinal));
        foreach (var (name, method, route, tag, scope) in Expected)
        {
            var endpoint = endpoints[name];
            endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.ShouldBe([method], name);
            ("/" + endpoint.RoutePattern.RawText!.TrimStart('/')).ShouldBe(route, name);
            endpoint.Metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags).ShouldBe([tag], name);
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Distinct().ShouldBe([scope], name);
        }
    }
}
