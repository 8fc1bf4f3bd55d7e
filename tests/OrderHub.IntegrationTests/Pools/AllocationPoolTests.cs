using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Features.ReleaseDuePools;
using OrderHub.Modules.Inventory.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Pools;

/// <summary>Allocation pools: stock set aside for one channel, drawn first by it, untouchable by others, released on its date.</summary>
public abstract class AllocationPoolTests(HostFixture fixture)
{
    private static readonly string[] SkuPrefixes = ["A", "B", "C"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    private Task<T> Send<T>(ICommand<T> command) => InventoryApi.SendAsync(fixture.App, command);

    private static string NewPoolName() => "pool-" + Guid.NewGuid().ToString("N")[..12];

    private Task<HttpResponseMessage> CreatePoolAsync(string name, string channel, string sku, int quantity, string location = "NAPA-WH",
        DateTimeOffset? releaseAt = null, int priority = 0, string? customerTag = null) =>
        Client.PostAsJsonAsync("/api/v1/inventory/pools", new
        {
            name,
            channel,
            customerTag,
            priority,
            releaseAt = releaseAt ?? DateTimeOffset.UtcNow.AddDays(30),
            lines = new[] { new { sku, locationCode = location, quantity } },
        }, Ct);

    private async Task<JsonElement> PoolAsync(string name) => await Client.GetFromJsonAsync<JsonElement>($"/api/v1/inventory/pools/{name}", Ct);

    private async Task<Dictionary<string, (int Pooled, int Available)>> ChannelsAsync(string sku)
    {
        var body = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/inventory/{sku}/channels", Ct);
        return body.GetProperty("channels").EnumerateArray()
            .Where(c => c.GetProperty("customerTag").ValueKind == JsonValueKind.Null)
            .ToDictionary(c => c.GetProperty("channel").GetString()!, c => (c.GetProperty("pooled").GetInt32(), c.GetProperty("available").GetInt32()));
    }

    [Fact]
    public async Task Pool_stock_goes_to_its_channel_first_and_never_to_another_channel()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 10, lot: "L1");
        var name = NewPoolName();

        var created = await CreatePoolAsync(name, "Pos", sku, 6);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/inventory/pools/{name}");

        // General availability excludes the pool; the GET /inventory/{sku} shape is unchanged, with pooled added.
        var stock = await InventoryApi.AvailabilityAsync(Client, sku);
        stock.GetProperty("totalAvailable").GetInt32().ShouldBe(4);
        var napa = stock.GetProperty("locations").EnumerateArray().Single();
        (napa.GetProperty("onHand").GetInt32(), napa.GetProperty("reserved").GetInt32(), napa.GetProperty("available").GetInt32(), napa.GetProperty("pooled").GetInt32())
            .ShouldBe((10, 6, 4, 6));
        var channels = await ChannelsAsync(sku);
        channels["Web"].ShouldBe((0, 4));
        channels["Pos"].ShouldBe((6, 10));

        // Web cannot have the pool's units: 5 is more than the 4 of general stock.
        var web = await Send(new ReserveStockCommand(Guid.NewGuid().ToString(), "Web", [new StockLine(sku, 5)]));
        web.Reserved.ShouldBeFalse();
        web.Shortages.Single().ShouldBe(new StockShortageDto(sku, 5, 4));

        // Pos draws its pool first, then general stock.
        var pos = await Send(new ReserveStockCommand(Guid.NewGuid().ToString(), "Pos", [new StockLine(sku, 8)]));
        pos.Reserved.ShouldBeTrue();
        pos.Allocations.Sum(a => a.Quantity).ShouldBe(8);
        var pool = await PoolAsync(name);
        pool.GetProperty("remaining").GetInt32().ShouldBe(0);
        pool.GetProperty("lines")[0].GetProperty("drawn").GetInt32().ShouldBe(6);
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).ShouldBe((10, 8, 2));
        channels = await ChannelsAsync(sku);
        channels["Web"].ShouldBe((0, 2));
        channels["Pos"].ShouldBe((0, 2));
    }

    [Fact]
    public async Task An_order_from_another_channel_cannot_take_pool_stock_and_is_held_for_inventory()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 3, lot: "L1");
        (await CreatePoolAsync(NewPoolName(), "Pos", sku, 3)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await OrderHubApp.PlaceOrderAsync(Client, Infrastructure.Orders.ValidBody(email: $"pool-{Guid.NewGuid():N}@example.com", sku: sku, quantity: 1, channel: "Web"), Guid.NewGuid().ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("status").GetString().ShouldBeOneOf("OnHold", "Backordered");
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).ShouldBe((3, 3, 0));
    }

    [Fact]
    public async Task Parallel_reservations_from_two_channels_never_exceed_pool_plus_general_stock()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 12, lot: "L1");
        await InventoryApi.ReceiveAsync(Client, sku, 8, "RENO-WH", lot: "L2");
        var name = NewPoolName();
        (await CreatePoolAsync(name, "Pos", sku, 8)).StatusCode.ShouldBe(HttpStatusCode.Created); // 8 pooled at Napa, 12 general

        var attempts = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            var channel = i % 2 == 0 ? "Pos" : "Web";
            try
            {
                return (channel, await Send(new ReserveStockCommand($"{sku}-{i}", channel, [new StockLine(sku, 1)])));
            }
            catch (DbUpdateException)
            {
                return (channel, (StockReservationDto?)null);
            }
        }, Ct)));

        var pos = attempts.Count(a => a.channel == "Pos" && a.Item2?.Reserved == true);
        var web = attempts.Count(a => a.channel == "Web" && a.Item2?.Reserved == true);
        (pos + web).ShouldBe(20);
        pos.ShouldBeGreaterThanOrEqualTo(8); // the pool is Pos's alone, and 30 Pos attempts want it
        web.ShouldBeLessThanOrEqualTo(12);
        var napa = await InventoryApi.AtAsync(Client, sku, "NAPA-WH");
        var reno = await InventoryApi.AtAsync(Client, sku, "RENO-WH");
        (napa.Reserved + reno.Reserved).ShouldBe(20);
        (napa.Available, reno.Available).ShouldBe((0, 0));
        (await PoolAsync(name)).GetProperty("remaining").GetInt32().ShouldBe(0);
        var allocated = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<InventoryDbContext>().ReservationAllocations
            .Where(a => a.Sku == sku).SumAsync(a => a.Quantity, Ct));
        allocated.ShouldBe(20);
    }

    [Fact]
    public async Task On_its_release_date_the_job_returns_the_rest_to_general_stock_and_a_release_by_hand_is_idempotent()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 10, lot: "L1");
        var (dated, manual) = (NewPoolName(), NewPoolName());
        (await CreatePoolAsync(dated, "WineClub", sku, 4, releaseAt: DateTimeOffset.UtcNow.AddSeconds(2))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CreatePoolAsync(manual, "Pos", sku, 3)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Send(new ReserveStockCommand(Guid.NewGuid().ToString(), "WineClub", [new StockLine(sku, 1)]))).Reserved.ShouldBeTrue();
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).ShouldBe((10, 7, 3)); // the club's unit moved from its pool to its order

        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        await fixture.App.InScopeAsync(sp => sp.GetRequiredService<ReleaseDuePoolsJob>().RunAsync(Ct));
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).ShouldBe((10, 4, 6)); // 3 returned; 1 held by the club order, 3 by Pos's pool
        var pool = await PoolAsync(dated);
        pool.GetProperty("status").GetString().ShouldBe("Released");
        pool.GetProperty("remaining").GetInt32().ShouldBe(0);

        var first = await Client.PostAsJsonAsync($"/api/v1/inventory/pools/{manual}/release", new { reason = "tasting room closed" }, Ct);
        (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("released").GetInt32().ShouldBe(3);
        var again = await Client.PostAsJsonAsync($"/api/v1/inventory/pools/{manual}/release", new { reason = "again" }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("released").GetInt32().ShouldBe(0);
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).ShouldBe((10, 1, 9));
        (await ChannelsAsync(sku))["Pos"].ShouldBe((0, 9));
    }

    [Fact]
    public async Task Bad_pools_are_clear_problems_and_leave_nothing_behind()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 5, lot: "L1");
        var name = NewPoolName();

        (await InventoryApi.ProblemAsync(await CreatePoolAsync(name, "Pos", "NO-SUCH-SKU", 1), HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString()!.ShouldContain("NO-SUCH-SKU");
        (await InventoryApi.ProblemAsync(await CreatePoolAsync(name, "Pos", sku, 1, location: "NOWHERE"), HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString()!.ShouldContain("NOWHERE");
        (await InventoryApi.ProblemAsync(await CreatePoolAsync(name, "Pos", sku, -2), HttpStatusCode.BadRequest))
            .GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name.Contains("quantity", StringComparison.OrdinalIgnoreCase));
        (await InventoryApi.ProblemAsync(await CreatePoolAsync(name, "Pos", sku, 2, releaseAt: DateTimeOffset.UtcNow.AddDays(-1)), HttpStatusCode.UnprocessableEntity))
            .GetProperty("rule").GetString().ShouldBe("PoolReleaseMustBeInTheFuture");

        // Two lines, the second larger than what is available: the first line's hold is undone too.
        var tooBig = await Client.PostAsJsonAsync("/api/v1/inventory/pools", new
        {
            name,
            channel = "Pos",
            releaseAt = DateTimeOffset.UtcNow.AddDays(1),
            lines = new[] { new { sku, locationCode = "NAPA-WH", quantity = 3 }, new { sku, locationCode = "RENO-WH", quantity = 1 } },
        }, Ct);
        (await InventoryApi.ProblemAsync(tooBig, HttpStatusCode.UnprocessableEntity)).GetProperty("rule").GetString().ShouldBe("PoolWithinAvailableStock");
        (await InventoryApi.ProblemAsync(await CreatePoolAsync(name, "Pos", sku, 6), HttpStatusCode.UnprocessableEntity))
            .GetProperty("rule").GetString().ShouldBe("PoolWithinAvailableStock");
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).ShouldBe((5, 0, 5));
        (await Client.GetAsync($"/api/v1/inventory/pools/{name}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await CreatePoolAsync(name, "Pos", sku, 2)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await InventoryApi.ProblemAsync(await CreatePoolAsync(name, "Web", sku, 1), HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain(name);
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).ShouldBe((5, 2, 3));
        (await Client.PostAsJsonAsync("/api/v1/inventory/pools/no-such-pool/release", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_pool_for_a_customer_tag_serves_only_reservations_with_that_tag()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 4, lot: "L1");
        (await CreatePoolAsync(NewPoolName(), "Web", sku, 4, customerTag: "club-gold", priority: 5)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await Send(new ReserveStockCommand(Guid.NewGuid().ToString(), "Web", [new StockLine(sku, 1)]))).Reserved.ShouldBeFalse();
        (await Send(new ReserveStockCommand(Guid.NewGuid().ToString(), "Web", [new StockLine(sku, 3)], CustomerTag: "club-gold"))).Reserved.ShouldBeTrue();
        var body = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/inventory/{sku}/channels", Ct);
        body.GetProperty("channels").EnumerateArray()
            .Single(c => c.GetProperty("customerTag").GetString() == "club-gold").GetProperty("available").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_location_view_pages_skus_with_pooled_and_available_and_an_unknown_location_is_404()
    {
        fixture.RequireProvider();
        var code = ("LOC" + Guid.NewGuid().ToString("N")[..8]).ToUpperInvariant();
        (await Client.PostAsJsonAsync("/api/v1/locations", new
        {
            code,
            name = "View test",
            type = "Store",
            address = new { line1 = "1 Main", city = "Napa", region = "CA", postalCode = "94558", country = "US" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var skus = SkuPrefixes.Select(p => InventoryApi.NewSku(p)).Order(StringComparer.Ordinal).ToArray();
        foreach (var (sku, i) in skus.Select((s, i) => (s, i)))
        {
            await InventoryApi.CreateProductAsync(Client, sku);
            await InventoryApi.ReceiveAsync(Client, sku, 10 + i, code, lot: "L1");
        }

        (await CreatePoolAsync(NewPoolName(), "Pos", skus[2], 5, location: code)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var page1 = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{code}/inventory?page=1&pageSize=2", Ct);
        page1.GetProperty("totalItems").GetInt32().ShouldBe(3);
        page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()).ShouldBe(skus[..2]);
        var page2 = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{code}/inventory?page=2&pageSize=2", Ct);
        var last = page2.GetProperty("items").EnumerateArray().Single();
        (last.GetProperty("sku").GetString(), last.GetProperty("onHand").GetInt32(), last.GetProperty("reserved").GetInt32(),
            last.GetProperty("pooled").GetInt32(), last.GetProperty("available").GetInt32()).ShouldBe((skus[2], 12, 5, 5, 7));

        (await Client.GetAsync("/api/v1/locations/NO-SUCH-LOC/inventory", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.GetAsync($"/api/v1/locations/{code}/inventory?pageSize=0", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Client.GetAsync("/api/v1/inventory/NO-SUCH-SKU/channels", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class AllocationPoolTestsOnSqlite(SqliteHostFixture fixture) : AllocationPoolTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class AllocationPoolTestsOnPostgres(PostgresHostFixture fixture) : AllocationPoolTests(fixture), IClassFixture<PostgresHostFixture>;
