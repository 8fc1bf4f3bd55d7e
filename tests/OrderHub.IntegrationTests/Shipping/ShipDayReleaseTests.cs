using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Fulfillment.Contracts.Queries;
using OrderHub.Modules.Shipping;
using OrderHub.Modules.Shipping.Persistence;
using Shouldly;
using static OrderHub.IntegrationTests.Shipping.DeliveryTestSupport;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// A wine-club release on the real host (issue 22): orders packed ahead to ship on a later day wait without labels; staff
/// release that day (<c>POST /api/v1/shipping/releases</c>) and every label is bought, one after another at
/// <c>OrderHub:Shipping:ReleaseLabelsPerSecond</c>, with the ship date of today.
/// </summary>
public abstract class ShipDayReleaseTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task Orders_packed_ahead_wait_without_labels_until_staff_release_the_day_then_get_them_at_the_configured_pace()
    {
        fixture.RequireProvider();
        var (shipOn, shipments) = await PackAheadAsync(3);
        foreach (var id in shipments)
        {
            var waiting = await ShipmentAsync(Client, id);
            waiting.GetProperty("status").GetString().ShouldBe("LabelPending");
            waiting.GetProperty("trackingNumber").ValueKind.ShouldBe(JsonValueKind.Null);
            waiting.GetProperty("shipOn").GetProperty("date").GetString().ShouldBe(shipOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            waiting.GetProperty("shipOn").GetProperty("reason").GetString().ShouldBe($"Packed ahead to ship on {shipOn:yyyy-MM-dd}");
        }

        // One label a second: the steps are due 0, 1 and 2 s after the release.
        await using var paced = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.PostConfigure<ShippingOptions>(o => o.ReleaseLabelsPerSecond = 1)));
        using var staff = paced.CreateClient();
        staff.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        var response = await staff.PostAsJsonAsync("/api/v1/shipping/releases", new { locationCode = Napa, shipOn, reason = "Fall club release" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var released = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        released.GetProperty("released").GetInt32().ShouldBe(3);
        released.GetProperty("labelsPerSecond").GetInt32().ShouldBe(1);
        var lastDueAt = released.GetProperty("lastLabelDueAt").GetDateTimeOffset();

        var dueTimes = await ReleaseStepsDueAtAsync(shipments);
        dueTimes.Count(d => d is null).ShouldBe(1); // the first is due at once
        var later = dueTimes.Where(d => d is not null).Select(d => d!.Value).Order().ToList();
        later.Count.ShouldBe(2);
        later[1].ShouldBe(lastDueAt, TimeSpan.FromMilliseconds(1));
        (later[1] - later[0]).ShouldBe(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1));

        await DispatchLaterAsync(TimeSpan.FromSeconds(5));

        var today = await fixture.App.InScopeAsync(async sp => (await sp.GetRequiredService<ISender>().Send(new GetLocationShipDayQuery(Napa, DateTimeOffset.UtcNow), Ct)).LocalDate);
        foreach (var id in shipments)
        {
            var labelled = await ShipmentAsync(Client, id);
            labelled.GetProperty("status").GetString().ShouldBe("LabelCreated");
            labelled.GetProperty("trackingNumber").GetString().ShouldNotBeNullOrEmpty();
            labelled.GetProperty("shipOn").GetProperty("date").GetString().ShouldBe(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            labelled.GetProperty("shipOn").GetProperty("reason").GetString()!.ShouldContain("Fall club release");
        }

        // Nothing waits for that day any more.
        var again = await Client.PostAsJsonAsync("/api/v1/shipping/releases", new { locationCode = Napa, shipOn, reason = "Twice" }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("waits to ship on");
    }

    [Fact]
    public async Task A_release_buys_its_labels_in_batches_of_a_fifth_of_a_seconds_worth()
    {
        fixture.RequireProvider();
        var (shipOn, shipments) = await PackAheadAsync(3);

        // Ten a second: batches of two, due every 0.2 s.
        await using var paced = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.PostConfigure<ShippingOptions>(o => o.ReleaseLabelsPerSecond = 10)));
        using var staff = paced.CreateClient();
        staff.DefaultRequestHeaders.Add("X-Api-Key", OrderHubApp.ApiKey);
        var asked = DateTimeOffset.UtcNow;
        var response = await staff.PostAsJsonAsync("/api/v1/shipping/releases", new { locationCode = Napa, shipOn, reason = "Spring club release" }, Ct);
        var answered = DateTimeOffset.UtcNow;
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var lastDueAt = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("lastLabelDueAt").GetDateTimeOffset();

        var dueTimes = await ReleaseStepsDueAtAsync(shipments);
        dueTimes.Count(d => d is null).ShouldBe(2); // the first batch, due at once
        dueTimes.Single(d => d is not null)!.Value.ShouldBe(lastDueAt, TimeSpan.FromMilliseconds(1));
        lastDueAt.ShouldBeInRange(asked.AddMilliseconds(200), answered.AddMilliseconds(200)); // the second batch, a fifth of a second later
        var batches = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<ShippingDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.Type.Contains("BuyLabels")).Select(m => m.Payload).ToListAsync(Ct));
        batches.Count(p => shipments.Any(id => p.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase))).ShouldBe(2);

        await DispatchLaterAsync(TimeSpan.FromSeconds(1));

        var tracking = new List<string>();
        foreach (var id in shipments)
        {
            var labelled = await ShipmentAsync(Client, id);
            labelled.GetProperty("status").GetString().ShouldBe("LabelCreated");
            tracking.Add(labelled.GetProperty("trackingNumber").GetString()!);

            // Orders followed the batch's announcements (read together): the label is on the order and its timeline.
            var order = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{labelled.GetProperty("orderId").GetGuid()}", Ct);
            var number = tracking[^1];
            var onOrder = order.GetProperty("shipments").EnumerateArray().ShouldHaveSingleItem();
            onOrder.GetProperty("trackingNumber").GetString().ShouldBe(number);
            onOrder.GetProperty("status").GetString().ShouldBe("LabelCreated");
            order.GetProperty("timeline").EnumerateArray().ShouldContain(t => t.GetProperty("detail").GetString()!.Contains(number));
        }

        tracking.ShouldBeUnique();
    }

    [Fact]
    public async Task While_a_checkout_is_being_answered_the_releases_label_batches_take_turns_and_each_goes_when_its_turn_comes()
    {
        fixture.RequireProvider();
        var (shipOn, shipments) = await PackAheadAsync(2);
        var response = await Client.PostAsJsonAsync("/api/v1/shipping/releases", new { locationCode = Napa, shipOn, reason = "Winter club release" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct)); // one batch, due at once

        var requestsFirst = fixture.App.Services.GetRequiredService<RequestsFirst>();
        var dispatcher = fixture.App.Services.GetRequiredService<OutboxDispatcher>();
        var body = new TaskCompletionSource();
        var checkout = await HeldRequests.StartCheckoutAsync(fixture.App, Client, body.Task, Ct);

        // Another batch has the one turn (MaxPacedStepsWhileServing): this one waits, no label is bought.
        var otherBatch = await requestsFirst.PacedStepSlotAsync(Ct);
        var dispatch = dispatcher.DispatchModuleAsync(dispatcher.Modules.Single(m => m.Module == "Shipping"), Ct);
        await Task.Delay(1000, Ct);
        dispatch.IsCompleted.ShouldBeFalse("a release's batches take turns while a checkout is answered");
        foreach (var id in shipments)
        {
            (await ShipmentAsync(Client, id)).GetProperty("status").GetString().ShouldBe("LabelPending");
        }

        // Its turn comes while the checkout is still in flight: the labels are bought.
        otherBatch.Dispose();
        (await dispatch.WaitAsync(TimeSpan.FromSeconds(30), Ct)).ShouldBeGreaterThan(0);
        requestsFirst.RequestsInFlight.ShouldBeGreaterThan(0);
        foreach (var id in shipments)
        {
            (await ShipmentAsync(Client, id)).GetProperty("status").GetString().ShouldBe("LabelCreated");
        }

        body.SetResult();
        (await checkout).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_release_without_its_fields_for_a_day_not_ahead_or_a_pack_too_far_ahead_is_refused()
    {
        fixture.RequireProvider();
        var empty = await Client.PostAsJsonAsync("/api/v1/shipping/releases", new { }, Ct);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .ShouldBe(["locationCode", "shipOn", "reason"], ignoreOrder: true);

        var today = await Client.PostAsJsonAsync("/api/v1/shipping/releases", new { locationCode = Napa, shipOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), reason = "Late" }, Ct);
        today.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        today.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await today.Content.ReadAsStringAsync(Ct)).ShouldContain("are due already");

        var farAhead = await PostAsync($"/api/v1/fulfillments/{Guid.NewGuid()}/pack", new { shipOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(400) });
        farAhead.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await farAhead.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["shipOn"]);
    }

    /// <summary>
    /// Places <paramref name="count"/> wine orders, picks them in one wave at Napa and packs each to ship on a day of its
    /// own (so shipments other tests packed ahead are not in this release), then lets the outbox run.
    /// </summary>
    private async Task<(DateOnly ShipOn, List<Guid> Shipments)> PackAheadAsync(int count)
    {
        var shipOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(100 + Random.Shared.Next(250));
        var sku = await SourcingSetup.WineAsync(Client, "CLUB", (Napa, count * 2));
        var orders = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            orders.Add(await SourcingSetup.PlaceReadyAsync(Client, Infrastructure.Orders.ValidBody(email: $"club-{i}@example.com", sku: sku, quantity: 2, region: "CA", postalCode: "94105"), Ct));
        }

        await SettleAsync(fixture.App);
        return (shipOn, await PackAsync(fixture.App, Client, orders, shipOn)); // PackAsync lets the outbox run after the packs
    }

    /// <summary>Four sweeps of the outbox on a clock <paramref name="ahead"/> of now: every release step due by then runs, and what it announces.</summary>
    private async Task DispatchLaterAsync(TimeSpan ahead)
    {
        var clock = new ShiftingClock();
        clock.Advance(ahead);
        await using var afterwards = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        for (var sweep = 0; sweep < 4; sweep++)
        {
            await afterwards.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(Ct);
        }
    }

    /// <summary>When each shipment's label step from the release is due (null: at once); the step queued for the original day is left out.</summary>
    private Task<List<DateTimeOffset?>> ReleaseStepsDueAtAsync(List<Guid> shipments) =>
        fixture.App.InScopeAsync(async sp =>
        {
            var steps = await sp.GetRequiredService<ShippingDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.ProcessedAt == null && m.Type.Contains("BuyLabel")).ToListAsync(Ct);
            return shipments.Select(id => steps.Where(m => m.Payload.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase))
                .Select(m => m.LockedBy == ModuleDbContext.NotDueYet ? m.LockedUntil : null)
                .OrderBy(d => d ?? DateTimeOffset.MinValue).First()).ToList();
        });

    private async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await Client.SendAsync(request, Ct);
    }
}

public sealed class ShipDayReleaseTestsOnSqlite(SqliteHostFixture fixture) : ShipDayReleaseTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ShipDayReleaseTestsOnPostgres(PostgresHostFixture fixture) : ShipDayReleaseTests(fixture), IClassFixture<PostgresHostFixture>;
