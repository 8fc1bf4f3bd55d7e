using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;
using OrderHub.Modules.Fulfillment.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>A host whose supplier SUP-DESK is reached over HTTP on a loopback port nothing listens on yet.</summary>
public sealed class SupplierDeskHostFixture : HostFixture
{
    public const string Supplier = "SUP-DESK";

    public int Port { get; } = FreePort();

    protected override Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((TestDatabase.CreateSqlite(), null));

    protected override OrderHubApp CreateApp(TestDatabase database) => new(database, new Dictionary<string, string?>
    {
        [$"OrderHub:Suppliers:{Supplier}:BaseUrl"] = $"http://127.0.0.1:{Port}/v2",
        [$"OrderHub:Suppliers:{Supplier}:ApiToken"] = "sbc-token",
    });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A supplier's order desk that is down does not lose the purchase order: it is issued (the fulfillment carries it, its
/// PDF answers), the step fails and the outbox sends the same purchase order again once the desk is back.
/// </summary>
public sealed class SupplierDownDropshipTests(SupplierDeskHostFixture fixture) : IClassFixture<SupplierDeskHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_purchase_order_is_kept_and_sent_again_until_the_supplier_acknowledges_it()
    {
        var client = fixture.App.CreateApiClient();
        var created = await client.PostAsJsonAsync("/api/v1/locations", new
        {
            code = SupplierDeskHostFixture.Supplier,
            name = "Sonoma Bottling Co-op",
            type = "Supplier",
            shipsToConsumers = true,
            address = new { line1 = "88 Gravenstein Hwy N", city = "Sebastopol", region = "CA", postalCode = "95472", country = "US" },
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var sku = await SourcingSetup.WineAsync(client, "DSD", (SupplierDeskHostFixture.Supplier, 4));
        var order = await SourcingSetup.PlaceReadyAsync(client, Infrastructure.Orders.ValidBody(email: "desk-down@example.com", sku: sku, quantity: 1), Ct);
        for (var sweep = 0; sweep < 4; sweep++)
        {
            await fixture.App.DispatchOutboxAsync(); // the send fails: nothing listens on the desk's port
        }

        var fulfillment = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct)).EnumerateArray().Single();
        var id = fulfillment.GetProperty("purchaseOrderId").GetGuid();
        (await PurchaseOrderAsync(id)).Status.ShouldBe(DropshipPurchaseOrderStatus.Sent);
        (await client.GetAsync($"/api/v1/purchase-orders/{id}/document.pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var desk = await FakeOrderDesk.StartAsync(StatusCodes.Status201Created, HttpSupplierGatewayTests.Accepted, fixture.Port, Ct);
        var deadline = DateTime.UtcNow.AddSeconds(60); // generous: a loaded CI machine may have failed the send more than once
        DropshipPurchaseOrder po;
        do
        {
            await Task.Delay(500, Ct); // the first retry is due two seconds after the failure
            await fixture.App.DispatchOutboxAsync();
            po = await PurchaseOrderAsync(id);
        }
        while (po.Status == DropshipPurchaseOrderStatus.Sent && DateTime.UtcNow < deadline);

        (po.Status, po.AcknowledgementReference).ShouldBe((DropshipPurchaseOrderStatus.Acknowledged, "SBC-ACK-77120"));
        var seen = desk.Requests.ShouldHaveSingleItem();
        (seen.Authorization, seen.IdempotencyKey).ShouldBe(("Bearer sbc-token", po.Number));
        (await fixture.App.InScopeAsync(sp => sp.GetRequiredService<FulfillmentDbContext>().DropshipPurchaseOrders.CountAsync(p => p.OrderId == order, Ct))).ShouldBe(1);
    }

    private Task<DropshipPurchaseOrder> PurchaseOrderAsync(Guid id) =>
        fixture.App.InScopeAsync(sp => sp.GetRequiredService<FulfillmentDbContext>().DropshipPurchaseOrders.AsNoTracking().SingleAsync(p => p.Id == id, Ct));
}
