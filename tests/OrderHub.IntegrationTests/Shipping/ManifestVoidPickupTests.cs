using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.TrackingNumbers;
using Shouldly;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// Voids and re-labels before pickup, the end-of-day manifest per carrier, location and day (idempotent, never with a
/// voided label, releasing a label voided before pickup) and the carrier pickup booked once per day.
/// </summary>
public abstract class ManifestVoidPickupTests(HostFixture fixture)
{
    private readonly ShippingScenario _scenario = new(fixture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => _scenario.Client;

    [Fact]
    public async Task A_label_is_voided_before_pickup_once_and_not_after_it_left()
    {
        fixture.RequireProvider();
        var shipments = await _scenario.LabelledAsync("VOID", 2);
        var (kept, left) = (shipments[0], shipments[1]);
        var keptId = kept.GetProperty("id").GetGuid();

        (await Client.PostAsJsonAsync($"/api/v1/shipments/{keptId}/void", new { reason = "" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var voided = await Client.PostAsJsonAsync($"/api/v1/shipments/{keptId}/void", new { reason = "Customer changed the address" }, Ct);
        voided.StatusCode.ShouldBe(HttpStatusCode.OK, await voided.Content.ReadAsStringAsync(Ct));
        (await voided.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("Voided");
        var again = await Client.PostAsJsonAsync($"/api/v1/shipments/{keptId}/void", new { reason = "Clicked twice" }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("Voided");
        (await Client.GetAsync($"/api/v1/shipments/{keptId}/label.zpl", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await _scenario.SettleAsync();
        var order = await _scenario.OrderAsync(kept.GetProperty("orderId").GetGuid());
        order.GetProperty("shipments").EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("Voided");
        order.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()).ShouldContain("LabelVoided");

        var leftId = left.GetProperty("id").GetGuid();
        var scan = await _scenario.WebhookAsync("/api/v1/shipping/tracking-events", new
        {
            carrier = left.GetProperty("carrier").GetString(),
            trackingNumber = left.GetProperty("trackingNumber").GetString(),
            status = "InTransit",
            at = DateTimeOffset.UtcNow,
        });
        scan.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var refused = await Client.PostAsJsonAsync($"/api/v1/shipments/{leftId}/void", new { reason = "Too late" }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Client.PostAsJsonAsync($"/api/v1/shipments/{leftId}/relabel", new { reason = "Too late" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _scenario.ShipmentAsync(leftId)).GetProperty("status").GetString().ShouldBe("InTransit");
        (await Client.PostAsJsonAsync($"/api/v1/shipments/{Guid.NewGuid()}/void", new { reason = "Unknown" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_relabel_buys_a_new_label_with_a_new_valid_tracking_number()
    {
        fixture.RequireProvider();
        var shipment = (await _scenario.LabelledAsync("RELABEL")).Single();
        var id = shipment.GetProperty("id").GetGuid();
        var first = shipment.GetProperty("trackingNumber").GetString()!;

        var relabel = await Client.PostAsJsonAsync($"/api/v1/shipments/{id}/relabel", new { reason = "Label printed smudged" }, Ct);
        relabel.StatusCode.ShouldBe(HttpStatusCode.OK, await relabel.Content.ReadAsStringAsync(Ct));
        var pending = await relabel.Content.ReadFromJsonAsync<JsonElement>(Ct);
        pending.GetProperty("status").GetString().ShouldBe("LabelPending");
        pending.GetProperty("trackingNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        (await Client.PostAsJsonAsync($"/api/v1/shipments/{id}/relabel", new { reason = "Again" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await _scenario.SettleAsync();

        var relabelled = await _scenario.ShipmentAsync(id);
        relabelled.GetProperty("status").GetString().ShouldBe("LabelCreated");
        var carrier = Enum.Parse<Carrier>(relabelled.GetProperty("carrier").GetString()!);
        var second = relabelled.GetProperty("trackingNumber").GetString()!;
        second.ShouldNotBe(first);
        TrackingNumberFormat.IsValid(carrier, second).ShouldBeTrue(second);
        (await Client.GetStringAsync($"/api/v1/shipments/{id}/label.zpl", Ct)).ShouldContain(second);
        var onOrder = (await _scenario.OrderAsync(shipment.GetProperty("orderId").GetGuid())).GetProperty("shipments").EnumerateArray().Single();
        (onOrder.GetProperty("trackingNumber").GetString(), onOrder.GetProperty("status").GetString()).ShouldBe((second, "LabelCreated"));

        // The old number is gone: the carrier's scans of it find nothing.
        var stale = await _scenario.WebhookAsync("/api/v1/shipping/tracking-events", new { carrier = carrier.ToString(), trackingNumber = first, status = "InTransit", at = DateTimeOffset.UtcNow });
        stale.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_manifest_closes_a_carrier_day_once_with_every_label_not_voided_and_releases_a_label_voided_before_pickup()
    {
        fixture.RequireProvider();
        var shipments = await _scenario.LabelledAsync("MANIFEST", 3);
        var carrier = shipments[0].GetProperty("carrier").GetString()!;
        shipments.Select(s => s.GetProperty("carrier").GetString()).Distinct().ShouldBe([carrier]); // one lane, one service: one carrier
        var ids = shipments.Select(s => s.GetProperty("id").GetGuid()).ToList();
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(Random.Shared.Next(30, 3000));
        (await Client.PostAsJsonAsync($"/api/v1/shipments/{ids[2]}/void", new { reason = "Order cancelled at the dock" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var closed = await Client.PostAsJsonAsync("/api/v1/shipping/manifests", new { carrier, locationCode = ShippingScenario.Napa, date }, Ct);
        closed.StatusCode.ShouldBe(HttpStatusCode.Created, await closed.Content.ReadAsStringAsync(Ct));
        var manifest = await closed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var manifestId = manifest.GetProperty("id").GetGuid();
        (manifest.GetProperty("carrier").GetString(), manifest.GetProperty("locationCode").GetString(), manifest.GetProperty("date").GetString()).ShouldBe((carrier, ShippingScenario.Napa, date.ToString("yyyy-MM-dd")));
        var onIt = manifest.GetProperty("shipmentIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        onIt.ShouldContain(ids[0]);
        onIt.ShouldContain(ids[1]);
        onIt.ShouldNotContain(ids[2]);
        manifest.GetProperty("packageCount").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        manifest.GetProperty("totalWeightGrams").GetInt32().ShouldBeGreaterThan(0);
        manifest.GetProperty("trackingNumbers").EnumerateArray().Select(e => e.GetString()).ShouldContain(shipments[0].GetProperty("trackingNumber").GetString());
        manifest.GetProperty("closedAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));

        var again = await Client.PostAsJsonAsync("/api/v1/shipping/manifests", new { carrier, locationCode = ShippingScenario.Napa, date }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid().ShouldBe(manifestId);
        var otherDay = await Client.PostAsJsonAsync("/api/v1/shipping/manifests", new { carrier, locationCode = ShippingScenario.Napa, date = date.AddDays(1) }, Ct);
        otherDay.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await otherDay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("shipmentIds").EnumerateArray().Select(e => e.GetGuid()).ShouldNotContain(ids[0]); // on one manifest only

        // Voided before pickup: off the manifest. A re-labelled shipment joins at the next close of the day.
        (await Client.PostAsJsonAsync($"/api/v1/shipments/{ids[1]}/void", new { reason = "Damaged at the dock" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client.PostAsJsonAsync($"/api/v1/shipments/{ids[2]}/relabel", new { reason = "Order reinstated" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await _scenario.SettleAsync();
        var relabelled = await _scenario.ShipmentAsync(ids[2]);
        relabelled.GetProperty("status").GetString().ShouldBe("LabelCreated");
        var reclosed = await Client.PostAsJsonAsync("/api/v1/shipping/manifests", new { carrier = relabelled.GetProperty("carrier").GetString(), locationCode = ShippingScenario.Napa, date }, Ct);
        var latest = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/shipping/manifests/{manifestId}", Ct);
        var now = latest.GetProperty("shipmentIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        now.ShouldContain(ids[0]);
        now.ShouldNotContain(ids[1]);
        if (relabelled.GetProperty("carrier").GetString() == carrier)
        {
            reclosed.StatusCode.ShouldBe(HttpStatusCode.OK);
            now.ShouldContain(ids[2]);
        }

        var listed = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/shipping/manifests?date={date:yyyy-MM-dd}&locationCode={ShippingScenario.Napa}", Ct);
        listed.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldContain(manifestId);
        (await Client.GetAsync($"/api/v1/shipping/manifests/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var pdf = await Client.GetAsync($"/api/v1/shipping/manifests/{manifestId}/document.pdf", Ct);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct)))
        {
            var text = string.Concat(document.GetPages().Select(p => p.Text));
            text.ShouldContain(shipments[0].GetProperty("trackingNumber").GetString()!);
            text.ShouldContain(ShippingScenario.Napa);
        }

        // Picked up (one of its labels has left): the others on it can no longer be voided.
        var scan = await _scenario.WebhookAsync("/api/v1/shipping/tracking-events", new
        {
            carrier,
            trackingNumber = shipments[0].GetProperty("trackingNumber").GetString(),
            status = "InTransit",
            at = DateTimeOffset.UtcNow,
        });
        scan.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        if (now.Contains(ids[2]))
        {
            (await Client.PostAsJsonAsync($"/api/v1/shipments/{ids[2]}/void", new { reason = "Too late" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task A_pickup_is_booked_once_per_carrier_location_and_day()
    {
        fixture.RequireProvider();
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(Random.Shared.Next(30, 3000));
        var booked = await Client.PostAsJsonAsync("/api/v1/shipping/pickups", new { carrier = "UPS", locationCode = ShippingScenario.Napa, date, readyBy = "14:30", closeBy = "17:00" }, Ct);
        booked.StatusCode.ShouldBe(HttpStatusCode.Created, await booked.Content.ReadAsStringAsync(Ct));
        var pickup = await booked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var confirmation = pickup.GetProperty("confirmationNumber").GetString()!;
        confirmation.ShouldNotBeNullOrWhiteSpace();
        pickup.GetProperty("readyBy").GetString().ShouldStartWith("14:30");

        var again = await Client.PostAsJsonAsync("/api/v1/shipping/pickups", new { carrier = "UPS", locationCode = ShippingScenario.Napa, date }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var same = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        (same.GetProperty("id").GetGuid(), same.GetProperty("confirmationNumber").GetString()).ShouldBe((pickup.GetProperty("id").GetGuid(), confirmation));

        var fedEx = await Client.PostAsJsonAsync("/api/v1/shipping/pickups", new { carrier = "FedEx", locationCode = ShippingScenario.Napa, date }, Ct);
        fedEx.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await fedEx.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("confirmationNumber").GetString().ShouldNotBe(confirmation);

        var bad = await Client.PostAsJsonAsync("/api/v1/shipping/pickups", new { carrier = "Pony Express", locationCode = ShippingScenario.Napa, date, readyBy = "18:00", closeBy = "09:00" }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["carrier", "closeBy"], ignoreOrder: true);
        (await Client.PostAsJsonAsync("/api/v1/shipping/pickups", new { carrier = "UPS", locationCode = "NOWHERE", date }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ManifestVoidPickupTestsOnSqlite(SqliteHostFixture fixture) : ManifestVoidPickupTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ManifestVoidPickupTestsOnPostgres(PostgresHostFixture fixture) : ManifestVoidPickupTests(fixture), IClassFixture<PostgresHostFixture>;
