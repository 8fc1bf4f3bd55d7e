using System.Net;
using System.Net.Http.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Inventory.Features.ReleaseExpiredReservations;
using OrderHub.Modules.Inventory.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>Reservations through the public contracts (as Orders calls them): all or none, idempotent, never oversold.</summary>
public abstract class ReservationTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    private Task<T> Send<T>(ICommand<T> command) => InventoryApi.SendAsync(fixture.App, command);

    private Task<T> Send<T>(IQuery<T> query) => InventoryApi.SendAsync(fixture.App, query);

    [Fact]
    public async Task Fifty_parallel_reservations_for_twenty_units_hold_exactly_twenty()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 12, lot: "L1", bin: "A-01-1");
        await InventoryApi.ReceiveAsync(Client, sku, 8, "RENO-WH", lot: "L2");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            try
            {
                return await Send(new ReserveStockCommand($"{sku}-{i}", "Web", [new StockLine(sku, 1)]));
            }
            catch (DbUpdateException)
            {
                return null; // a lost race is a refusal to retry, never an oversell
            }
        }, Ct)));

        attempts.Count(a => a?.Reserved == true).ShouldBe(20);
        attempts.Where(a => a?.Reserved == false).ShouldAllBe(a => a!.Shortages.Single().Sku == sku);
        var napa = await InventoryApi.AtAsync(Client, sku, "NAPA-WH");
        var reno = await InventoryApi.AtAsync(Client, sku, "RENO-WH");
        (napa.Reserved + reno.Reserved).ShouldBe(20);
        napa.Available.ShouldBe(0);
        reno.Available.ShouldBe(0);
    }

    [Fact]
    public async Task Fifty_parallel_http_reservations_of_two_units_for_twenty_units_hold_exactly_ten()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 20, lot: "L1");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
            (await Client.PostAsJsonAsync("/api/v1/inventory/reservations",
                new { reservationKey = $"{sku}-http-{i}", channel = "Web", lines = new[] { new { sku, quantity = 2 } } }, Ct)).StatusCode, Ct)));

        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(10);
        statuses.ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.UnprocessableEntity || s == HttpStatusCode.Conflict);
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).ShouldBe((20, 20, 0));
    }

    [Fact]
    public async Task All_lines_or_none_and_ships_to_consumer_locations_first_fifo_by_lot()
    {
        fixture.RequireProvider();
        var (a, b) = (InventoryApi.NewSku("A"), InventoryApi.NewSku("B"));
        await InventoryApi.CreateProductAsync(Client, a);
        await InventoryApi.CreateProductAsync(Client, b);
        await InventoryApi.ReceiveAsync(Client, a, 10, "TASTING-ROOM", lot: "L2020");
        await InventoryApi.ReceiveAsync(Client, a, 3, lot: "L2024", bin: "A-01-1");
        await InventoryApi.ReceiveAsync(Client, a, 3, lot: "L2022", bin: "A-01-2");
        await InventoryApi.ReceiveAsync(Client, b, 1);

        var refused = await Send(new ReserveStockCommand(Guid.NewGuid().ToString(), "Web", [new StockLine(a, 4), new StockLine(b, 2)]));
        refused.Reserved.ShouldBeFalse();
        refused.Shortages.ShouldBe([new StockShortageDto(b, 2, 1)]);
        (await InventoryApi.AtAsync(Client, a, "NAPA-WH")).Reserved.ShouldBe(0);

        var held = await Send(new ReserveStockCommand(Guid.NewGuid().ToString(), "Web", [new StockLine(a, 4), new StockLine(b, 1)]));
        held.Reserved.ShouldBeTrue();
        held.Allocations.Where(x => x.Sku == a).Select(x => (x.LocationCode, x.Lot, x.Quantity))
            .ShouldBe([("NAPA-WH", "L2022", 3), ("NAPA-WH", "L2024", 1)]);
    }

    [Fact]
    public async Task A_repeated_key_returns_the_first_result_and_an_unknown_sku_is_named()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 5);
        var key = Guid.NewGuid().ToString();

        var first = await Send(new ReserveStockCommand(key, "Web", [new StockLine(sku, 2)]));
        var again = await Send(new ReserveStockCommand(key, "Web", [new StockLine(sku, 2)]));
        again.Reserved.ShouldBeTrue();
        again.Allocations.ShouldBe(first.Allocations);
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).Reserved.ShouldBe(2);

        var ex = await Should.ThrowAsync<BusinessRuleViolationException>(() => Send(new ReserveStockCommand(Guid.NewGuid().ToString(), "Web", [new StockLine(sku, 1), new StockLine("NOT-A-WINE", 1)])));
        ex.Message.ShouldContain("NOT-A-WINE");
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).Reserved.ShouldBe(2);
    }

    [Fact]
    public async Task Release_is_idempotent_and_commit_drops_on_hand_and_reserved()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 10);
        var released = Guid.NewGuid().ToString();
        var shipped = Guid.NewGuid().ToString();
        await Send(new ReserveStockCommand(released, "Web", [new StockLine(sku, 3)]));
        await Send(new ReserveStockCommand(shipped, "Web", [new StockLine(sku, 4)]));

        (await Send(new ReleaseStockCommand(released, "Cancelled"))).ShouldBeTrue();
        (await Send(new ReleaseStockCommand(released, "Cancelled"))).ShouldBeFalse();
        (await Send(new ReleaseStockCommand("never-existed", "x"))).ShouldBeFalse();
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).ShouldBe((10, 4, 6));

        (await Send(new CommitStockCommand(shipped))).ShouldBeTrue();
        (await Send(new CommitStockCommand(shipped))).ShouldBeFalse();
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).ShouldBe((6, 0, 6));
        (await Send(new ReleaseStockCommand(shipped, "too late"))).ShouldBeFalse();
        await Should.ThrowAsync<BusinessRuleViolationException>(() => Send(new CommitStockCommand(released)));
        await Should.ThrowAsync<NotFoundException>(() => Send(new CommitStockCommand("never-existed")));
    }

    [Fact]
    public async Task Replacing_a_reservation_is_all_or_nothing()
    {
        fixture.RequireProvider();
        var (a, b) = (InventoryApi.NewSku("A"), InventoryApi.NewSku("B"));
        await InventoryApi.CreateProductAsync(Client, a);
        await InventoryApi.CreateProductAsync(Client, b);
        await InventoryApi.ReceiveAsync(Client, a, 5);
        await InventoryApi.ReceiveAsync(Client, b, 2);
        var key = Guid.NewGuid().ToString();
        await Send(new ReserveStockCommand(key, "Web", [new StockLine(a, 4)]));

        var refused = await Send(new ReplaceReservationCommand(key, [new StockLine(a, 5), new StockLine(b, 3)]));
        refused.Reserved.ShouldBeFalse();
        refused.Shortages.ShouldBe([new StockShortageDto(b, 3, 2)]);
        (await InventoryApi.AtAsync(Client, a, "NAPA-WH")).Reserved.ShouldBe(4);
        (await InventoryApi.AtAsync(Client, b, "NAPA-WH")).Reserved.ShouldBe(0);

        var changed = await Send(new ReplaceReservationCommand(key, [new StockLine(a, 5), new StockLine(b, 2)]));
        changed.Reserved.ShouldBeTrue();
        (await InventoryApi.AtAsync(Client, a, "NAPA-WH")).Reserved.ShouldBe(5);
        (await InventoryApi.AtAsync(Client, b, "NAPA-WH")).Reserved.ShouldBe(2);

        (await Send(new ReplaceReservationCommand(key, [new StockLine(a, 1)]))).Reserved.ShouldBeTrue();
        (await Send(new ReleaseStockCommand(key, "Cancelled"))).ShouldBeTrue();
        (await InventoryApi.AtAsync(Client, a, "NAPA-WH")).Reserved.ShouldBe(0);
        (await InventoryApi.AtAsync(Client, b, "NAPA-WH")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task Sourcing_moves_a_reservation_to_the_locations_it_ships_from_all_or_nothing()
    {
        fixture.RequireProvider();
        var (sku, key, placed) = await FourReservedOfFiveAtNapaAndThreeAtRenoAsync("MOVE");
        placed.Allocations.ShouldAllBe(a => a.LocationCode == "NAPA-WH");

        var tooMuchAtReno = await Send(new ReplaceReservationCommand(key, [new StockLine(sku, 4, "RENO-WH")]));
        tooMuchAtReno.Reserved.ShouldBeFalse();
        tooMuchAtReno.Shortages.ShouldBe([new StockShortageDto(sku, 4, 3)]);
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).Reserved.ShouldBe(4);

        var split = await Send(new ReplaceReservationCommand(key, [new StockLine(sku, 3, "RENO-WH"), new StockLine(sku, 1, "NAPA-WH")]));
        split.Reserved.ShouldBeTrue();
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).Reserved.ShouldBe(1);
        (await InventoryApi.AtAsync(Client, sku, "RENO-WH")).Reserved.ShouldBe(3);

        // Placement asks again for the same lines (no location): the moved reservation holds them, so it stays as sourced.
        var again = await Send(new ReserveStockCommand(key, "Web", [new StockLine(sku, 4)], ReplaceIfLinesDiffer: true));
        again.Allocations.GroupBy(a => a.LocationCode).ToDictionary(g => g.Key, g => g.Sum(a => a.Quantity))
            .ShouldBe(new Dictionary<string, int> { ["NAPA-WH"] = 1, ["RENO-WH"] = 3 }, ignoreOrder: true);
    }

    [Fact]
    public async Task Sourcing_an_order_to_where_its_units_are_already_held_moves_nothing()
    {
        fixture.RequireProvider();
        var (sku, key, _) = await FourReservedOfFiveAtNapaAndThreeAtRenoAsync("STAY");
        var placed = await AllocationIdsAsync(key);

        var stayed = await Send(new ReplaceReservationCommand(key, [new StockLine(sku, 4, "NAPA-WH")], MoveOnly: true));

        stayed.Reserved.ShouldBeTrue();
        stayed.Allocations.Sum(a => a.Quantity).ShouldBe(4);
        stayed.Allocations.ShouldAllBe(a => a.LocationCode == "NAPA-WH");
        (await AllocationIdsAsync(key)).ShouldBe(placed); // the very holds placement took: no stock row given back and taken again
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).Reserved.ShouldBe(4);
        (await InventoryApi.AtAsync(Client, sku, "RENO-WH")).Reserved.ShouldBe(0);
    }

    /// <summary>A SKU with 5 units at NAPA-WH and 3 at RENO-WH, and a reservation of 4 of them (placement takes them at NAPA-WH).</summary>
    private async Task<(string Sku, string Key, StockReservationDto Placed)> FourReservedOfFiveAtNapaAndThreeAtRenoAsync(string prefix)
    {
        var sku = InventoryApi.NewSku(prefix);
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 5, "NAPA-WH");
        await InventoryApi.ReceiveAsync(Client, sku, 3, "RENO-WH");
        var key = Guid.NewGuid().ToString();
        return (sku, key, await Send(new ReserveStockCommand(key, "Web", [new StockLine(sku, 4)])));
    }

    private Task<List<long>> AllocationIdsAsync(string key) =>
        fixture.App.InScopeAsync(sp => sp.GetRequiredService<InventoryDbContext>().ReservationAllocations
            .Where(a => a.ReservationKey == key).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct));

    [Fact]
    public async Task A_kit_is_available_as_its_scarcest_component_and_reserves_its_components_atomically()
    {
        fixture.RequireProvider();
        var (red, white, kit) = (InventoryApi.NewSku("R"), InventoryApi.NewSku("W"), InventoryApi.NewSku("KIT"));
        await InventoryApi.CreateProductAsync(Client, red);
        await InventoryApi.CreateProductAsync(Client, white);
        await InventoryApi.CreateProductAsync(Client, kit, new[] { new { sku = red, quantity = 3 }, new { sku = white, quantity = 3 } });
        await InventoryApi.ReceiveAsync(Client, red, 10);
        await InventoryApi.ReceiveAsync(Client, white, 6);

        (await InventoryApi.AvailabilityAsync(Client, kit)).GetProperty("totalAvailable").GetInt32().ShouldBe(2);
        (await Send(new ReserveStockCommand(Guid.NewGuid().ToString(), "Club", [new StockLine(kit, 3)]))).Reserved.ShouldBeFalse();
        (await InventoryApi.AtAsync(Client, red, "NAPA-WH")).Reserved.ShouldBe(0);

        var held = await Send(new ReserveStockCommand(Guid.NewGuid().ToString(), "Club", [new StockLine(kit, 2)]));
        held.Reserved.ShouldBeTrue();
        held.Allocations.Select(x => (x.Sku, x.Quantity)).ShouldBe([(red, 6), (white, 6)], ignoreOrder: true);
        (await InventoryApi.AvailabilityAsync(Client, kit)).GetProperty("totalAvailable").GetInt32().ShouldBe(0);
        (await InventoryApi.AtAsync(Client, red, "NAPA-WH")).Available.ShouldBe(4);
    }

    [Fact]
    public async Task Expired_reservations_are_released_by_the_job()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku();
        await InventoryApi.CreateProductAsync(Client, sku);
        await InventoryApi.ReceiveAsync(Client, sku, 5);
        var (stale, fresh) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await Send(new ReserveStockCommand(stale, "Web", [new StockLine(sku, 2)]));
        await Send(new ReserveStockCommand(fresh, "Web", [new StockLine(sku, 1)]));
        await fixture.App.InScopeAsync(sp => sp.GetRequiredService<InventoryDbContext>().Reservations
            .Where(r => r.Key == stale).ExecuteUpdateAsync(u => u.SetProperty(r => r.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)), Ct));

        var released = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<ReleaseExpiredReservationsJob>().RunAsync(Ct));
        released.ShouldBeGreaterThanOrEqualTo(1);
        (await InventoryApi.AtAsync(Client, sku, "NAPA-WH")).Reserved.ShouldBe(1);
        (await Send(new ReleaseStockCommand(stale, "again"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Other_modules_read_product_facts_by_sku()
    {
        fixture.RequireProvider();
        var products = await Send(new GetProductsBySkuQuery(["CAB-2019-1500", "OPENER-01", "NOPE"]));
        products.Select(p => p.Sku).ShouldBe(["CAB-2019-1500", "OPENER-01"]);
        products[0].VolumeMl.ShouldBe(1500);
        products[0].IsAlcohol.ShouldBeTrue();
        products[1].VolumeMl.ShouldBeNull();
    }
}

public sealed class ReservationTestsOnSqlite(SqliteHostFixture fixture) : ReservationTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ReservationTestsOnPostgres(PostgresHostFixture fixture) : ReservationTests(fixture), IClassFixture<PostgresHostFixture>;
