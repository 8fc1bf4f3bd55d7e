using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Security;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>The Inventory module's HTTP surface as API.md states it: each endpoint's name, method, route, Swagger tag and the one scope it needs.</summary>
public sealed class InventoryEndpointTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
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
        ("ListReorderSuggestions", "GET", "/api/v1/inventory/reorder-suggestions", "Inventory", ApiScopes.InventoryRead),
        ("CreateLocation", "POST", "/api/v1/locations", "Inventory", ApiScopes.InventoryWrite),
        ("GetLocation", "GET", "/api/v1/locations/{code}", "Inventory", ApiScopes.InventoryRead),
        ("GetLocationInventory", "GET", "/api/v1/locations/{code}/inventory", "Inventory", ApiScopes.InventoryRead),
        ("CreatePurchaseOrder", "POST", "/api/v1/purchase-orders", "Inventory", ApiScopes.InventoryWrite),
        ("GetPurchaseOrder", "GET", "/api/v1/purchase-orders/{id:guid}", "Inventory", ApiScopes.InventoryRead),
        ("ReceivePurchaseOrder", "POST", "/api/v1/purchase-orders/{id:guid}/receipts", "Inventory", ApiScopes.InventoryWrite),
        ("SubmitPurchaseOrder", "POST", "/api/v1/purchase-orders/{id:guid}/submit", "Inventory", ApiScopes.InventoryWrite),
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
