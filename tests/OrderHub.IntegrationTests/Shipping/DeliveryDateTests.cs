using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;
using static OrderHub.IntegrationTests.Shipping.DeliveryTestSupport;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// Delivery dates on the real host (issue 22 point 6): ground wine packed on a Thursday leaves the Monday to Wednesday
/// after, not before a weekend in a depot; a customer's ship-on date delays the label to that day (the outbox's dueAt),
/// and cannot change once the label is bought (409).
/// </summary>
public abstract class DeliveryDateTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task Ground_wine_bought_on_a_thursday_ships_monday_to_wednesday_and_other_goods_do_not_wait()
    {
        fixture.RequireProvider();
        var wine = await NewShipmentAsync(fixture.App, "CA", "94105", wine: true);
        var gifts = await NewShipmentAsync(fixture.App, "CA", "94105", wine: false);
        var clock = new ShiftingClock();
        clock.Advance(UntilNext(DayOfWeek.Thursday));
        var thursday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using (var later = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock))))
        {
            for (var sweep = 0; sweep < 3; sweep++)
            {
                await later.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(Ct);
            }
        }

        var labelled = await ShipmentAsync(Client, wine);
        labelled.GetProperty("status").GetString().ShouldBe("LabelCreated");
        var shipDate = DateOnly.Parse(labelled.GetProperty("shipDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        shipDate.DayOfWeek.ShouldBeOneOf(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday);
        shipDate.ShouldBeGreaterThan(thursday);
        shipDate.ShouldBeLessThanOrEqualTo(thursday.AddDays(6));
        var delivery = DateOnly.Parse(labelled.GetProperty("estimatedDelivery").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        delivery.ShouldBeGreaterThan(shipDate);
        delivery.DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);

        var other = await ShipmentAsync(Client, gifts);
        other.GetProperty("status").GetString().ShouldBe("LabelCreated");
        DateOnly.Parse(other.GetProperty("shipDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(shipDate);
    }

    [Fact]
    public async Task A_ship_on_date_delays_the_label_to_that_day_and_cannot_change_once_labelled()
    {
        fixture.RequireProvider();
        var id = await NewShipmentAsync(fixture.App, "CA", "94105", wine: true, Modules.Shipping.Carriers.ServiceLevel.TwoDay);
        var shipOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var put = await Client.PutAsJsonAsync($"/api/v1/shipments/{id}/ship-on", new { date = shipOn, reason = "Customer is away until then" }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var body = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
        body.GetProperty("shipOn").GetProperty("date").GetString().ShouldBe(shipOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        body.GetProperty("shipOn").GetProperty("reason").GetString().ShouldBe("Customer is away until then");

        await SettleAsync(fixture.App); // the step queued at packing finds the date ahead; the one due that day is not due
        var waiting = await ShipmentAsync(Client, id);
        waiting.GetProperty("status").GetString().ShouldBe("LabelPending");
        waiting.GetProperty("trackingNumber").ValueKind.ShouldBe(JsonValueKind.Null);

        var clock = new ShiftingClock();
        clock.Advance(TimeSpan.FromDays(11));
        await using (var later = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock))))
        {
            for (var sweep = 0; sweep < 3; sweep++)
            {
                await later.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(Ct);
            }
        }

        var labelled = await ShipmentAsync(Client, id);
        labelled.GetProperty("status").GetString().ShouldBe("LabelCreated");
        DateOnly.Parse(labelled.GetProperty("shipDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(shipOn);

        var late = await Client.PutAsJsonAsync($"/api/v1/shipments/{id}/ship-on", new { date = shipOn.AddDays(3), reason = "Changed their mind" }, Ct);
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        late.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_ship_on_request_without_a_reason_or_for_an_unknown_shipment_is_refused()
    {
        fixture.RequireProvider();
        var id = await NewShipmentAsync(fixture.App, "CA", "94105", wine: false);
        var bad = await Client.PutAsJsonAsync($"/api/v1/shipments/{id}/ship-on", new { date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(400) }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["date", "reason"], ignoreOrder: true);
        var unknown = await Client.PutAsJsonAsync($"/api/v1/shipments/{Guid.NewGuid()}/ship-on", new { date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), reason = "x" }, Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class DeliveryDateTestsOnSqlite(SqliteHostFixture fixture) : DeliveryDateTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class DeliveryDateTestsOnPostgres(PostgresHostFixture fixture) : DeliveryDateTests(fixture), IClassFixture<PostgresHostFixture>;
