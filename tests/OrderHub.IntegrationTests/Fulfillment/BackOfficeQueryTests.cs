using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Fulfillment.Features.GetFulfillment;
using OrderHub.Modules.Fulfillment.Features.GetPickingBoard;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>
/// The reads only the back-office pages use (no REST endpoint yet), on every provider: the picking board (work per
/// location, the latest pick lists with their item counts) and one fulfillment by id with the pick list it is on.
/// </summary>
public abstract class BackOfficeQueryTests(HostFixture fixture)
{
    private const string Napa = "NAPA-WH";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task The_picking_board_counts_work_per_location_and_a_fulfillment_reads_with_its_pick_list()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku("BOARD");
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 4, Napa, "L-BOARD", "B-01-2");
        var placed = await OrderHubApp.PlaceOrderAsync(Client, Infrastructure.Orders.ValidBody(email: "board@example.com", sku: sku, quantity: 2, region: "CA", postalCode: "94558"));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync(Ct));
        var order = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await SettleAsync();
        var fulfillmentId = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct))[0].GetProperty("id").GetGuid();

        var before = await SendAsync(new GetPickingBoardQuery());
        before.Locations.Single(l => l.LocationCode == Napa).Open.ShouldBeGreaterThanOrEqualTo(1);
        var open = await SendAsync(new GetFulfillmentQuery(fulfillmentId));
        open.Fulfillment.Status.ShouldBe("Open");
        open.Fulfillment.Lines.Single().Quantity.ShouldBe(2);
        open.PickListId.ShouldBeNull();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pick-lists") { Content = JsonContent.Create(new { locationCode = Napa }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await Client.SendAsync(request, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var list = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var after = await SendAsync(new GetPickingBoardQuery());
        var napa = after.Locations.Single(l => l.LocationCode == Napa);
        napa.Open.ShouldBe(0); // one wave takes up to 200 orders
        napa.Picking.ShouldBeGreaterThanOrEqualTo(1);
        var latest = after.RecentPickLists[0];
        latest.Id.ShouldBe(list.GetProperty("id").GetGuid());
        latest.Number.ShouldBe(list.GetProperty("number").GetString());
        latest.Status.ShouldBe("Open");
        latest.Items.ShouldBe(list.GetProperty("items").GetArrayLength());
        latest.CreatedBy.ShouldStartWith("api:");
        var picking = await SendAsync(new GetFulfillmentQuery(fulfillmentId));
        picking.Fulfillment.Status.ShouldBe("Picking");
        picking.PickListId.ShouldBe(latest.Id);
        picking.PickListNumber.ShouldBe(latest.Number);

        await Should.ThrowAsync<NotFoundException>(() => SendAsync(new GetFulfillmentQuery(Guid.NewGuid())));
    }

    private Task<T> SendAsync<T>(IQuery<T> query) => fixture.App.InScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(query, Ct));

    private async Task SettleAsync()
    {
        for (var sweep = 0; sweep < 4; sweep++)
        {
            await fixture.App.DispatchOutboxAsync();
        }
    }
}

public sealed class BackOfficeQueryTestsOnSqlite(SqliteHostFixture fixture) : BackOfficeQueryTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class BackOfficeQueryTestsOnPostgres(PostgresHostFixture fixture) : BackOfficeQueryTests(fixture), IClassFixture<PostgresHostFixture>;
