using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;
using OrderHub.Modules.Fulfillment.Dropship;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>
/// The HTTP supplier adapter against a supplier's order desk served over real HTTP on a loopback port with recorded
/// answers: the purchase order and its headers as sent, the acknowledgement, a refusal, and a 5xx that throws (the
/// outbox sends the purchase order again).
/// </summary>
public sealed class HttpSupplierGatewayTests
{
    public const string Accepted = """
        { "reference": "SBC-ACK-77120", "status": "Accepted", "receivedAt": "2026-12-05T10:02:11Z" }
        """;

    private const string Unavailable = """
        { "error": { "code": "maintenance", "message": "Order desk is down for maintenance" } }
        """;

    private const string Rejected = """
        { "error": { "code": "unknown_sku", "message": "SKU PN-SC-22-750 is not on our price list" } }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_purchase_order_is_posted_with_the_bearer_token_and_its_number_as_idempotency_key_and_the_reference_is_the_acknowledgement()
    {
        await using var desk = await FakeOrderDesk.StartAsync(StatusCodes.Status201Created, Accepted, Ct);
        using var http = new HttpClient();
        var po = PurchaseOrder();

        var reference = await desk.Gateway(http).SendAsync(po, Ct);

        reference.ShouldBe("SBC-ACK-77120");
        var seen = desk.Requests.ShouldHaveSingleItem();
        (seen.Path, seen.Authorization, seen.IdempotencyKey).ShouldBe(("/v2/purchase-orders", "Bearer sbc-token", "DS-000042"));
        var body = JsonDocument.Parse(seen.Body).RootElement;
        body.GetProperty("number").GetString().ShouldBe("DS-000042");
        body.GetProperty("orderNumber").GetString().ShouldBe("OH-100001");
        body.GetProperty("adultSignatureRequired").GetBoolean().ShouldBeTrue();
        body.GetProperty("shipTo").GetProperty("name").GetString().ShouldBe("Dana Whitfield");
        body.GetProperty("shipTo").GetProperty("postalCode").GetString().ShouldBe("10024");
        var line = body.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem();
        (line.GetProperty("lineNumber").GetInt32(), line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32()).ShouldBe((2, "PN-SC-22-750", 3));
    }

    [Fact]
    public async Task A_5xx_throws_so_the_step_is_retried_and_a_4xx_is_a_refusal()
    {
        using var http = new HttpClient();
        await using (var down = await FakeOrderDesk.StartAsync(StatusCodes.Status503ServiceUnavailable, Unavailable, Ct))
        {
            var failure = await Should.ThrowAsync<HttpRequestException>(() => down.Gateway(http).SendAsync(PurchaseOrder(), Ct));
            failure.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            failure.Message.ShouldContain("DS-000042");
        }

        await using var strict = await FakeOrderDesk.StartAsync(StatusCodes.Status422UnprocessableEntity, Rejected, Ct);
        var refusal = await Should.ThrowAsync<SupplierRejectedException>(() => strict.Gateway(http).SendAsync(PurchaseOrder(), Ct));
        refusal.Message.ShouldContain("not on our price list");
    }

    [Fact]
    public async Task The_router_sends_a_configured_supplier_over_http_and_every_other_to_the_built_in_inbox()
    {
        await using var desk = await FakeOrderDesk.StartAsync(StatusCodes.Status200OK, Accepted, Ct);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<SupplierOptions>().Configure(o => o.Endpoints["SUPPLIER-SON"] = new SupplierEndpointOptions { BaseUrl = desk.BaseUrl, ApiToken = "sbc-token" });
        services.AddSingleton<BuiltInSupplierInbox>();
        services.AddHttpClient<HttpSupplierGateway>();
        services.AddScoped<ISupplierGateway, SupplierGateways>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var gateway = scope.ServiceProvider.GetRequiredService<ISupplierGateway>();

        (await gateway.SendAsync(PurchaseOrder(), Ct)).ShouldBe("SBC-ACK-77120");
        (await gateway.SendAsync(PurchaseOrder("SUPPLIER-OTHER"), Ct)).ShouldBe("INBOX-DS-000042");

        desk.Requests.Count.ShouldBe(1);
        provider.GetRequiredService<BuiltInSupplierInbox>().Received.Keys.ShouldBe(["DS-000042"]);
    }

    private static DropshipPurchaseOrder PurchaseOrder(string supplier = "SUPPLIER-SON") => DropshipPurchaseOrder.Issue(
        42, (supplier, "Sonoma Bottling Co-op", "CA", "95472"), Guid.NewGuid(), Guid.NewGuid(), "OH-100001", "Dana Whitfield",
        new Address("45 West 81st Street", "Apt 7B", "New York", "NY", "10024", "US"), "Ground", true, [(2, "PN-SC-22-750", 3)],
        new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
}
