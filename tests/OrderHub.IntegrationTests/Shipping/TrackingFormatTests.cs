using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// The carriers' own webhook bodies (UPS Track Alert-like, FedEx webhook-like), signed as the generic one, move a
/// shipment as the generic scans do; an unknown code is 400 naming it. The simulated carrier plays a shipment's scans.
/// </summary>
public abstract class TrackingFormatTests(HostFixture fixture)
{
    private readonly ShippingScenario _scenario = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => _scenario.Client;

    [Fact]
    public async Task FedEx_scans_move_a_shipment_to_delivered_and_a_bad_signature_or_unknown_code_is_refused()
    {
        fixture.RequireProvider();
        var shipment = (await _scenario.LabelledAsync("FDXFMT")).Single();
        shipment.GetProperty("carrier").GetString().ShouldBe("FedEx"); // the cheapest Ground for wine in the built-in tables
        var id = shipment.GetProperty("id").GetGuid();
        var number = shipment.GetProperty("trackingNumber").GetString()!;
        var at = DateTimeOffset.UtcNow;

        object Scan(string type, DateTimeOffset when) => new
        {
            trackingNumber = number,
            scanEvent = new { eventType = type, eventDescription = $"FedEx {type}", date = when.ToString("yyyy-MM-ddTHH:mm:sszzz"), scanLocation = new { city = "Napa", stateOrProvinceCode = "CA" } },
        };

        (await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/fedex", Scan("PU", at), "wrong-secret-wrong-secret")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var unknown = await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/fedex", Scan("ZZ", at));
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("'ZZ'");
        (await _scenario.ShipmentAsync(id)).GetProperty("status").GetString().ShouldBe("LabelCreated");

        var pickedUp = await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/fedex", Scan("PU", at));
        pickedUp.StatusCode.ShouldBe(HttpStatusCode.Accepted, await pickedUp.Content.ReadAsStringAsync(Ct));
        (await pickedUp.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("InTransit");
        (await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/fedex", Scan("OD", at.AddHours(20)))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/fedex", Scan("DL", at.AddHours(26)))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        // Three scans of one order arrive together: a step that lost the order's version race is retried seconds later.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement order;
        do
        {
            await _scenario.SettleAsync();
            order = await _scenario.OrderAsync(shipment.GetProperty("orderId").GetGuid());
        }
        while (order.GetProperty("status").GetString() != "Delivered" && DateTime.UtcNow < deadline && await Pause());

        var delivered = await _scenario.ShipmentAsync(id);
        delivered.GetProperty("status").GetString().ShouldBe("Delivered");
        var events = delivered.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("status").GetString()).ShouldBe(["InTransit", "OutForDelivery", "Delivered"]);
        events[0].GetProperty("location").GetString().ShouldBe("Napa, CA");
        (await _scenario.OrderAsync(shipment.GetProperty("orderId").GetGuid())).GetProperty("status").GetString().ShouldBe("Delivered");
    }

    [Fact]
    public async Task Ups_scans_move_a_shipment_and_a_bad_signature_or_unknown_type_is_refused()
    {
        fixture.RequireProvider();
        var tables = await Client.GetFromJsonAsync<JsonObject>("/api/v1/shipping/rate-tables", Ct);
        try
        {
            await ReplaceTablesAsync(tables!, c => c != "FedEx"); // UPS becomes the cheapest Ground for wine
            var shipment = (await _scenario.LabelledAsync("UPSFMT")).Single();
            shipment.GetProperty("carrier").GetString().ShouldBe("UPS");
            var id = shipment.GetProperty("id").GetGuid();
            var number = shipment.GetProperty("trackingNumber").GetString()!;
            var at = DateTime.UtcNow;

            object Scan(string type, DateTime when) => new
            {
                trackingNumber = number,
                localActivityDate = when.ToString("yyyyMMdd"),
                localActivityTime = when.ToString("HHmmss"),
                activityStatus = new { type, description = $"UPS {type}" },
                activityLocation = new { city = "Napa", stateProvince = "CA" },
            };

            (await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/ups", Scan("I", at), "wrong-secret-wrong-secret")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var unknown = await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/ups", Scan("Q", at));
            unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await unknown.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("'Q'");

            var manifested = await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/ups", Scan("M", at));
            manifested.StatusCode.ShouldBe(HttpStatusCode.Accepted, await manifested.Content.ReadAsStringAsync(Ct));
            (await manifested.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("LabelCreated");

            var moving = await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/ups", Scan("I", at));
            moving.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            (await moving.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("InTransit");
            (await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/ups", Scan("X", at.AddHours(5)))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            (await _scenario.ShipmentAsync(id)).GetProperty("status").GetString().ShouldBe("Exception");
            (await _scenario.WebhookAsync("/api/v1/shipping/tracking-events/ups", Scan("D", at.AddHours(30)))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await _scenario.SettleAsync();

            var delivered = await _scenario.ShipmentAsync(id);
            delivered.GetProperty("status").GetString().ShouldBe("Delivered");
            delivered.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("status").GetString()).ShouldBe(["InTransit", "Exception", "Delivered"]);
            (await _scenario.OrderAsync(shipment.GetProperty("orderId").GetGuid())).GetProperty("status").GetString().ShouldBe("Delivered");
        }
        finally
        {
            var now = await Client.GetFromJsonAsync<JsonObject>("/api/v1/shipping/rate-tables", Ct);
            await ReplaceTablesAsync(new JsonObject { ["version"] = now!["version"]!.GetValue<int>(), ["carriers"] = tables!["carriers"]!.DeepClone() }, _ => true);
        }
    }

    [Fact]
    public async Task Simulated_tracking_drives_an_order_to_delivered()
    {
        fixture.RequireProvider();
        var shipment = (await _scenario.LabelledAsync("SIMTRK")).Single();
        var id = shipment.GetProperty("id").GetGuid();

        var queued = await Client.PostAsync($"/api/v1/shipments/{id}/simulate-tracking", null, Ct);
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted, await queued.Content.ReadAsStringAsync(Ct));
        // Three scans of one order arrive together: a step that lost the order's version race is retried seconds later.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement order;
        do
        {
            await _scenario.SettleAsync();
            order = await _scenario.OrderAsync(shipment.GetProperty("orderId").GetGuid());
        }
        while (order.GetProperty("status").GetString() != "Delivered" && DateTime.UtcNow < deadline && await Pause());

        var delivered = await _scenario.ShipmentAsync(id);
        delivered.GetProperty("status").GetString().ShouldBe("Delivered");
        var events = delivered.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("status").GetString()).ShouldBe(["InTransit", "OutForDelivery", "Delivered"]);
        events[1].GetProperty("at").GetDateTimeOffset().ShouldBeGreaterThan(events[0].GetProperty("at").GetDateTimeOffset());
        order.GetProperty("status").GetString().ShouldBe("Delivered");
        (await Client.PostAsync($"/api/v1/shipments/{id}/simulate-tracking", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(500, Ct);
        return true;
    }

    private async Task ReplaceTablesAsync(JsonObject tables, Func<string, bool> keep)
    {
        var carriers = new JsonArray([.. tables["carriers"]!.AsArray().Where(c => keep(c!["carrier"]!.ToString())).Select(c => c!.DeepClone())]);
        var response = await Client.PutAsJsonAsync("/api/v1/shipping/rate-tables", new JsonObject
        {
            ["version"] = tables["version"]!.GetValue<int>(),
            ["carriers"] = carriers,
            ["reason"] = "Tracking format test",
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class TrackingFormatTestsOnSqlite(SqliteHostFixture fixture) : TrackingFormatTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class TrackingFormatTestsOnPostgres(PostgresHostFixture fixture) : TrackingFormatTests(fixture), IClassFixture<PostgresHostFixture>;
