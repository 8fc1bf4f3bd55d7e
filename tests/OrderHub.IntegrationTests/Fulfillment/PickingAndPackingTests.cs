using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Inventory.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>
/// An order placed through REST is picked and packed through the API alone: a wave per location (lots first-expiring,
/// never expired, items in walking order), the order's holds pinned to the listed lots, a confirmation (short picks
/// written off and on the timeline), packing into the cheapest boxes; the order goes Picking, then Packed.
/// </summary>
public abstract class PickingAndPackingTests(HostFixture fixture)
{
    private const string Napa = "NAPA-WH";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task An_order_placed_through_rest_is_picked_first_expiring_lot_first_in_walking_order_and_packed()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku("PICK");
        await InventoryApi.CreateProductAsync(Client, sku);
        await ReceiveAsync(sku, 5, "A-01-1", "L-EXPIRED", Today.AddDays(-1));
        await ReceiveAsync(sku, 10, "A-02-1", "L-LATER", Today.AddDays(400));
        await ReceiveAsync(sku, 3, "B-01-2", "L-SOON", Today.AddDays(60));
        var (order, number) = await PlaceReadyAsync(sku, 4);
        var fulfillmentId = (await FulfillmentsAsync(order)).EnumerateArray().Single().GetProperty("id").GetGuid();

        var created = await PostAsync("/api/v1/pick-lists", new { locationCode = Napa }, Guid.NewGuid().ToString());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var list = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        list.GetProperty("status").GetString().ShouldBe("Open");
        list.GetProperty("fulfillmentIds").EnumerateArray().Select(f => f.GetGuid()).ShouldContain(fulfillmentId);
        var mine = list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("orderNumber").GetString() == number)
            .Select(i => (Seq: i.GetProperty("sequence").GetInt32(), Bin: i.GetProperty("bin").GetString(), Lot: i.GetProperty("lot").GetString(), Qty: i.GetProperty("quantity").GetInt32()))
            .OrderBy(i => i.Seq).ToList();
        mine.Select(i => (i.Bin, i.Lot, i.Qty)).ShouldBe([("A-02-1", "L-LATER", 1), ("B-01-2", "L-SOON", 3)]); // walking order; FEFO; never the expired lot
        var sequences = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sequence").GetInt32()).ToList();
        sequences.ShouldBe([.. Enumerable.Range(1, sequences.Count)]);

        await SettleAsync();
        (await StatusAsync(order)).ShouldBe("Picking");
        (await FulfillmentsAsync(order))[0].GetProperty("status").GetString().ShouldBe("Picking");
        (await HeldLotsAsync(order)).ShouldBe([("L-LATER", 1), ("L-SOON", 3)]); // the order's holds follow the list
        var listId = list.GetProperty("id").GetGuid();
        var pdf = await Client.GetAsync($"/api/v1/pick-lists/{listId}/document.pdf", Ct);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync(Ct))[..5].ShouldBe("%PDF-"u8.ToArray());

        var confirmed = await Client.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { items = Array.Empty<object>() }, Ct);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync(Ct));
        (await confirmed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("Completed");
        await SettleAsync();
        var picked = (await FulfillmentsAsync(order))[0];
        picked.GetProperty("status").GetString().ShouldBe("Picked");
        picked.GetProperty("lines")[0].GetProperty("pickedQuantity").GetInt32().ShouldBe(4);

        var key = Guid.NewGuid().ToString();
        var packed = await PostAsync($"/api/v1/fulfillments/{fulfillmentId}/pack", new { }, key);
        packed.StatusCode.ShouldBe(HttpStatusCode.OK, await packed.Content.ReadAsStringAsync(Ct));
        var fulfillment = await packed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        fulfillment.GetProperty("status").GetString().ShouldBe("Packed");
        var packages = fulfillment.GetProperty("packages").EnumerateArray().ToList();
        packages.Sum(p => p.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("quantity").GetInt32())).ShouldBe(4);
        packages.ShouldAllBe(p => p.GetProperty("box").GetString()!.StartsWith("WS") && p.GetProperty("weightGrams").GetInt32() > 0 && p.GetProperty("lengthCm").GetInt32() > 0);
        var slip = await Client.GetAsync($"/api/v1/fulfillments/{fulfillmentId}/packing-slip.pdf", Ct);
        slip.StatusCode.ShouldBe(HttpStatusCode.OK);
        slip.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = PdfText(await slip.Content.ReadAsByteArrayAsync(Ct));
        text.ShouldContain(number);
        text.ShouldContain("ADULT SIGNATURE");
        text.ShouldContain(sku);
        var replay = await PostAsync($"/api/v1/fulfillments/{fulfillmentId}/pack", new { }, key);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("packages").GetArrayLength().ShouldBe(packages.Count);

        await SettleAsync();
        var after = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct);
        after.GetProperty("status").GetString().ShouldBe("Packed");
        var events = after.GetProperty("timeline").EnumerateArray().Select(t => (Event: t.GetProperty("event").GetString(), Actor: t.GetProperty("actor").GetString())).ToList();
        var names = events.Select(e => e.Event).ToList();
        names.IndexOf("PickingStarted").ShouldBeGreaterThan(names.IndexOf("Sourced"));
        names.IndexOf("Picked").ShouldBeGreaterThan(names.IndexOf("PickingStarted"));
        names.IndexOf("Packed").ShouldBeGreaterThan(names.IndexOf("Picked"));
        events.Where(e => e.Event is "PickingStarted" or "Picked" or "Packed").ShouldAllBe(e => e.Actor!.StartsWith("api:"));
        (await FulfillmentsAsync(order))[0].GetProperty("packages").GetArrayLength().ShouldBe(packages.Count);
    }

    [Fact]
    public async Task Parallel_packs_under_one_key_pack_once_and_every_one_gets_the_same_answer()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku("TWICE");
        await InventoryApi.CreateProductAsync(Client, sku);
        await ReceiveAsync(sku, 6, "A-02-1", "L-TWICE", null);
        var (order, _) = await PlaceReadyAsync(sku, 3);
        var fulfillmentId = (await FulfillmentsAsync(order)).EnumerateArray().Single().GetProperty("id").GetGuid();
        var list = await NewPickListAsync();
        (await Client.PostAsJsonAsync($"/api/v1/pick-lists/{list.GetProperty("id").GetGuid()}/confirm", new { items = Array.Empty<object>() }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync();

        // A bench that lost its answers retries at once, several times: one pack, and each retry answered like the first.
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var response = await PostAsync($"/api/v1/fulfillments/{fulfillmentId}/pack", new { }, key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Ct));
        }));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK, string.Join("\n", answers.Select(a => $"{a.StatusCode}: {a.Body}")));
        var packageIds = answers.Select(a => string.Join(",", JsonDocument.Parse(a.Body).RootElement.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()))).Distinct().ToList();
        packageIds.Count.ShouldBe(1);

        var later = await PostAsync($"/api/v1/fulfillments/{fulfillmentId}/pack", new { }, key);
        later.StatusCode.ShouldBe(HttpStatusCode.OK);
        string.Join(",", (await later.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())).ShouldBe(packageIds[0]);
        await InventoryApi.ProblemAsync(await PostAsync($"/api/v1/fulfillments/{fulfillmentId}/pack", new { }, Guid.NewGuid().ToString()), HttpStatusCode.Conflict); // a new key is a new pack: refused

        await SettleAsync();
        (await FulfillmentsAsync(order))[0].GetProperty("packages").GetArrayLength().ShouldBe(packageIds[0].Split(',').Length);
        var timeline = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct)).GetProperty("timeline").EnumerateArray();
        timeline.Count(t => t.GetProperty("event").GetString() == "Packed").ShouldBe(1);
    }

    [Fact]
    public async Task An_order_held_after_sourcing_is_not_picked_until_its_hold_is_released()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku("HELD");
        await InventoryApi.CreateProductAsync(Client, sku);
        await ReceiveAsync(sku, 4, "A-02-1", "L-HELD", null);
        var (order, number) = await PlaceReadyAsync(sku, 2);
        (await Client.PostAsJsonAsync($"/api/v1/orders/{order}/holds", new { type = "Fraud", reason = "Velocity check" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var wave = await PostAsync("/api/v1/pick-lists", new { locationCode = Napa }, Guid.NewGuid().ToString());
        if (wave.StatusCode == HttpStatusCode.Created)
        {
            (await wave.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("orderNumber").GetString() == number);
        }
        else
        {
            (await InventoryApi.ProblemAsync(wave, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain(number);
        }

        (await FulfillmentsAsync(order))[0].GetProperty("status").GetString().ShouldBe("Open");
        (await Client.PostAsJsonAsync($"/api/v1/orders/{order}/holds/Fraud/release", new { reason = "Customer verified by phone" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync();
        var list = await NewPickListAsync();
        list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("orderNumber").GetString() == number).Sum(i => i.GetProperty("quantity").GetInt32()).ShouldBe(2);
    }

    [Fact]
    public async Task A_quarantined_lot_is_never_picked_and_the_orders_hold_moves_off_it()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku("RECALL");
        await InventoryApi.CreateProductAsync(Client, sku);
        await ReceiveAsync(sku, 4, "A-01-1", "L-RECALL", null);
        await ReceiveAsync(sku, 4, "B-01-1", "L-CLEAN", null);
        var (order, number) = await PlaceReadyAsync(sku, 3);

        var quarantine = await Client.PutAsJsonAsync($"/api/v1/inventory/lots/{Napa}/{sku}/L-RECALL/quarantine", new { quarantined = true, reason = "Cork taint reported" }, Ct);
        quarantine.StatusCode.ShouldBe(HttpStatusCode.OK, await quarantine.Content.ReadAsStringAsync(Ct));
        (await quarantine.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("onHand").GetInt32().ShouldBe(4);
        await InventoryApi.ProblemAsync(await Client.PutAsJsonAsync($"/api/v1/inventory/lots/{Napa}/{sku}/L-RECALL/quarantine", new { quarantined = true }, Ct), HttpStatusCode.BadRequest);
        await InventoryApi.ProblemAsync(await Client.PutAsJsonAsync($"/api/v1/inventory/lots/{Napa}/{sku}/L-NONE/quarantine", new { quarantined = true, reason = "x" }, Ct), HttpStatusCode.NotFound);

        var list = await NewPickListAsync();
        var mine = list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("orderNumber").GetString() == number).ToList();
        mine.ShouldAllBe(i => i.GetProperty("lot").GetString() == "L-CLEAN");
        mine.Sum(i => i.GetProperty("quantity").GetInt32()).ShouldBe(3);
        (await HeldLotsAsync(order)).ShouldBe([("L-CLEAN", 3)]);
    }

    [Fact]
    public async Task A_short_pick_is_written_off_the_bin_sourced_again_and_the_order_is_packed_once_every_part_is()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku("SHORT");
        await InventoryApi.CreateProductAsync(Client, sku);
        await ReceiveAsync(sku, 6, "A-01-2", "L-ONE", null);
        var (order, number) = await PlaceReadyAsync(sku, 3);
        var list = await NewPickListAsync();
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("orderNumber").GetString() == number);

        var confirmed = await Client.PostAsJsonAsync($"/api/v1/pick-lists/{list.GetProperty("id").GetGuid()}/confirm",
            new { items = new[] { new { sequence = item.GetProperty("sequence").GetInt32(), pickedQuantity = 1 } } }, Ct);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync(Ct));
        await SettleAsync();

        // Two bottles were not there: gone from on-hand; the one picked and the two sourced again are held.
        (await InventoryApi.AtAsync(Client, sku, Napa)).ShouldBe((4, 3, 1));
        var timeline = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct)).GetProperty("timeline").EnumerateArray().ToList();
        timeline.Single(t => t.GetProperty("event").GetString() == "ShortPicked").GetProperty("detail").GetString()!.ShouldContain($"2 of 3 x {sku}");
        timeline.Single(t => t.GetProperty("event").GetString() == "ShortfallSourced").GetProperty("detail").GetString()!.ShouldContain($"NAPA-WH: 2 x {sku}");
        var parts = (await FulfillmentsAsync(order)).EnumerateArray().ToList();
        parts.Select(p => p.GetProperty("status").GetString()).Order().ShouldBe(["Open", "Picked"]);
        var first = parts.Single(p => p.GetProperty("status").GetString() == "Picked").GetProperty("id").GetGuid();

        var packed = await PostAsync($"/api/v1/fulfillments/{first}/pack", new { packages = new[] { new { box = "WS1", lines = new[] { new { sku, quantity = 1 } } } } }, Guid.NewGuid().ToString());
        packed.StatusCode.ShouldBe(HttpStatusCode.OK, await packed.Content.ReadAsStringAsync(Ct));
        var package = (await packed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("packages").EnumerateArray().Single();
        package.GetProperty("box").GetString().ShouldBe("WS1");
        package.GetProperty("weightGrams").GetInt32().ShouldBeGreaterThan(450); // the shipper's tare plus the bottle
        await SettleAsync();
        (await StatusAsync(order)).ShouldBe("Picking"); // the shortfall is still to pick

        var second = await NewPickListAsync();
        second.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("orderNumber").GetString() == number).Sum(i => i.GetProperty("quantity").GetInt32()).ShouldBe(2);
        (await Client.PostAsJsonAsync($"/api/v1/pick-lists/{second.GetProperty("id").GetGuid()}/confirm", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync();
        var rest = (await FulfillmentsAsync(order)).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() != first).GetProperty("id").GetGuid();
        (await PostAsync($"/api/v1/fulfillments/{rest}/pack", new { }, Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync();
        (await StatusAsync(order)).ShouldBe("Packed");
        (await InventoryApi.AtAsync(Client, sku, Napa)).ShouldBe((4, 3, 1)); // nothing committed before it ships
    }

    [Fact]
    public async Task A_shortfall_nowhere_to_be_had_is_on_the_timeline_and_the_rest_ships()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku("GONE");
        await InventoryApi.CreateProductAsync(Client, sku);
        await ReceiveAsync(sku, 3, "A-01-2", "L-LAST", null);
        var (order, number) = await PlaceReadyAsync(sku, 3);
        var list = await NewPickListAsync();
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("orderNumber").GetString() == number);

        (await Client.PostAsJsonAsync($"/api/v1/pick-lists/{list.GetProperty("id").GetGuid()}/confirm",
            new { items = new[] { new { sequence = item.GetProperty("sequence").GetInt32(), pickedQuantity = 2 } } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SettleAsync();

        (await InventoryApi.AtAsync(Client, sku, Napa)).ShouldBe((2, 2, 0));
        var timeline = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct)).GetProperty("timeline").EnumerateArray().ToList();
        timeline.Single(t => t.GetProperty("event").GetString() == "ShortfallNotSourced").GetProperty("detail").GetString()!.ShouldContain($"1 x {sku} not found at NAPA-WH");
        (await FulfillmentsAsync(order)).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Bad_picks_and_packs_are_clear_problems_and_change_nothing()
    {
        fixture.RequireProvider();
        var sku = InventoryApi.NewSku("BAD");
        await InventoryApi.CreateProductAsync(Client, sku);
        await ReceiveAsync(sku, 4, "B-01-1", "L-GOOD", null);
        var (order, number) = await PlaceReadyAsync(sku, 2);
        var fulfillmentId = (await FulfillmentsAsync(order))[0].GetProperty("id").GetGuid();

        var early = await PostAsync($"/api/v1/fulfillments/{fulfillmentId}/pack", new { }, Guid.NewGuid().ToString());
        (await InventoryApi.ProblemAsync(early, HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("Open");
        (await InventoryApi.ProblemAsync(await PostAsync("/api/v1/pick-lists", new { locationCode = "TASTING-ROOM" }, Guid.NewGuid().ToString()), HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString()!.ShouldContain("no open fulfillment");
        await InventoryApi.ProblemAsync(await Client.PostAsJsonAsync("/api/v1/pick-lists", new { locationCode = Napa }, Ct), HttpStatusCode.BadRequest); // no Idempotency-Key

        var list = await NewPickListAsync();
        var listId = list.GetProperty("id").GetGuid();
        var sequence = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("orderNumber").GetString() == number).GetProperty("sequence").GetInt32();
        var tooMany = await Client.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { items = new[] { new { sequence, pickedQuantity = 3 } } }, Ct);
        (await InventoryApi.ProblemAsync(tooMany, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("put 1 back");
        var wrongLot = await Client.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { items = new[] { new { sequence, pickedQuantity = 2, lot = "L-NOPE" } } }, Ct);
        (await InventoryApi.ProblemAsync(wrongLot, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("lot L-NOPE");
        var negative = await Client.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { items = new[] { new { sequence, pickedQuantity = -1 } } }, Ct);
        await InventoryApi.ProblemAsync(negative, HttpStatusCode.BadRequest);
        (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/pick-lists/{listId}", Ct)).GetProperty("status").GetString().ShouldBe("Open");

        (await Client.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InventoryApi.ProblemAsync(await Client.PostAsJsonAsync($"/api/v1/pick-lists/{listId}/confirm", new { }, Ct), HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("already confirmed");
        var stranger = await PostAsync($"/api/v1/fulfillments/{fulfillmentId}/pack", new { packages = new[] { new { box = "WS2", lines = new[] { new { sku = "CAB-2019-750", quantity = 2 } } } } }, Guid.NewGuid().ToString());
        (await InventoryApi.ProblemAsync(stranger, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("CAB-2019-750 is not on");
        var half = await PostAsync($"/api/v1/fulfillments/{fulfillmentId}/pack", new { packages = new[] { new { box = "WS2", lines = new[] { new { sku, quantity = 1 } } } } }, Guid.NewGuid().ToString());
        (await InventoryApi.ProblemAsync(half, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("1 packed, 2 picked");
        var box = await PostAsync($"/api/v1/fulfillments/{fulfillmentId}/pack", new { packages = new[] { new { box = "CRATE", lines = new[] { new { sku, quantity = 2 } } } } }, Guid.NewGuid().ToString());
        (await InventoryApi.ProblemAsync(box, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.ShouldContain("CRATE");
        (await FulfillmentsAsync(order))[0].GetProperty("status").GetString().ShouldBe("Picked");
        (await Client.GetAsync($"/api/v1/pick-lists/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await InventoryApi.ProblemAsync(await Client.GetAsync($"/api/v1/fulfillments/{fulfillmentId}/packing-slip.pdf", Ct), HttpStatusCode.Conflict);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text));
    }

    private async Task ReceiveAsync(string sku, int quantity, string bin, string lot, DateOnly? expiresOn)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/inventory/receipts", new { locationCode = Napa, sku, quantity, lot, bin, expiresOn }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<(Guid Id, string Number)> PlaceReadyAsync(string sku, int quantity)
    {
        var response = await OrderHubApp.PlaceOrderAsync(Client, Infrastructure.Orders.ValidBody(email: $"{sku.ToLowerInvariant()}@example.com", sku: sku, quantity: quantity, region: "CA", postalCode: "94558"));
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        using var placed = JsonDocument.Parse(text);
        placed.RootElement.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        await SettleAsync();
        return (placed.RootElement.GetProperty("id").GetGuid(), placed.RootElement.GetProperty("number").GetString()!);
    }

    private async Task<JsonElement> NewPickListAsync()
    {
        var created = await PostAsync("/api/v1/pick-lists", new { locationCode = Napa }, Guid.NewGuid().ToString());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        await SettleAsync();
        return await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Client.SendAsync(request, Ct);
    }

    private Task<List<(string Lot, int Quantity)>> HeldLotsAsync(Guid order) => fixture.App.InScopeAsync(async sp =>
    {
        var key = $"order:{order:N}";
        var held = await sp.GetRequiredService<InventoryDbContext>().ReservationAllocations.AsNoTracking()
            .Where(a => a.ReservationKey == key).Select(a => new { a.Lot, a.Quantity }).ToListAsync();
        return held.GroupBy(a => a.Lot).Select(g => (g.Key, g.Sum(a => a.Quantity))).OrderBy(l => l.Key, StringComparer.Ordinal).ToList();
    });

    private async Task<string> StatusAsync(Guid order) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct)).GetProperty("status").GetString()!;

    private Task<JsonElement> FulfillmentsAsync(Guid order) => Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/fulfillments", Ct);

    /// <summary>The dispatcher's sweeps: events to the other modules, internal steps, and their answers.</summary>
    private async Task SettleAsync()
    {
        for (var sweep = 0; sweep < 4; sweep++)
        {
            await fixture.App.DispatchOutboxAsync();
        }
    }
}

public sealed class PickingAndPackingTestsOnSqlite(SqliteHostFixture fixture) : PickingAndPackingTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PickingAndPackingTestsOnPostgres(PostgresHostFixture fixture) : PickingAndPackingTests(fixture), IClassFixture<PostgresHostFixture>;
