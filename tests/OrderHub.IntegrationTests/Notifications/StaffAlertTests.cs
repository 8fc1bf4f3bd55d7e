using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Shipping;
using OrderHub.Modules.Inventory.Features.RaiseReorderSuggestions;
using OrderHub.Modules.Notifications.Features.ScanForStaffAlerts;
using OrderHub.Modules.Notifications.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// Staff alerts from each source, through the real journeys: a carrier's Exception scan, the reorder check, an order
/// sourced to a warehouse, and the scan that asks Orders and Shipping what waits too long (a Compliance hold, a stuck
/// order, a late shipment, a label not bought when due). One open alert per condition; acknowledging is audited and
/// moves it to the history; the API's 400 / 404 / 409 problems.
/// </summary>
public abstract class StaffAlertTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task A_carrier_exception_scan_raises_one_critical_alert_that_says_to_contact_the_carrier_and_links_to_the_shipment()
    {
        fixture.RequireProvider();
        var scenario = new ShippingScenario(fixture);
        var shipment = (await scenario.LabelledAsync("ALRTX")).Single();
        var id = shipment.GetProperty("id").GetGuid();
        var carrier = shipment.GetProperty("carrier").GetString()!;
        var tracking = shipment.GetProperty("trackingNumber").GetString()!;
        var number = shipment.GetProperty("orderNumber").GetString()!;
        (await ExceptionAlertsAsync(id)).ShouldBeEmpty();

        var scan = new { carrier, trackingNumber = tracking, status = "Exception", at = DateTimeOffset.UtcNow, description = "Address not found", location = "Napa, CA" };
        (await scenario.WebhookAsync("/api/v1/shipping/tracking-events", scan)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await scenario.WebhookAsync("/api/v1/shipping/tracking-events", scan)).StatusCode.ShouldBe(HttpStatusCode.Accepted); // the carrier resends
        await scenario.SettleAsync();

        var alert = (await ExceptionAlertsAsync(id)).ShouldHaveSingleItem();
        alert.GetProperty("severity").GetString().ShouldBe("Critical");
        alert.GetProperty("status").GetString().ShouldBe("open");
        alert.GetProperty("title").GetString()!.ShouldContain(number);
        var todo = alert.GetProperty("whatToDo").GetString()!;
        todo.ShouldContain($"Contact {carrier}");
        todo.ShouldContain(tracking);
        todo.ShouldContain("Address not found");
        alert.GetProperty("link").GetString().ShouldBe($"/shipping/shipments/{id}");
    }

    [Fact]
    public async Task Acknowledging_an_alert_records_who_when_and_the_note_moves_it_to_the_history_and_a_second_acknowledgement_is_a_conflict()
    {
        fixture.RequireProvider();
        var order = await HeldForComplianceAsync("ack");
        await ScanAsync();
        var alert = (await AlertsAsync("open", "ComplianceHold")).Single(a => a.GetProperty("link").GetString() == $"/orders/{order}");
        var id = alert.GetProperty("id").GetGuid();

        var ack = await Client.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "Called the customer for a birth date" }, Ct);
        ack.StatusCode.ShouldBe(HttpStatusCode.OK, await ack.Content.ReadAsStringAsync(Ct));
        var done = await ack.Content.ReadFromJsonAsync<JsonElement>(Ct);
        done.GetProperty("status").GetString().ShouldBe("acknowledged");
        done.GetProperty("acknowledgedBy").GetString().ShouldBe("api:Bootstrap client");
        done.GetProperty("acknowledgementNote").GetString().ShouldBe("Called the customer for a birth date");
        done.GetProperty("acknowledgedAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        (await AlertsAsync("open", "ComplianceHold")).ShouldNotContain(a => a.GetProperty("id").GetGuid() == id);
        (await AlertsAsync("acknowledged", "ComplianceHold")).ShouldContain(a => a.GetProperty("id").GetGuid() == id);

        var again = await Client.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { }, Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        again.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!.ShouldContain("already acknowledged by api:Bootstrap client");

        var unknown = await Client.PostAsync($"/api/v1/alerts/{Guid.NewGuid()}/acknowledge", null, Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var longNote = await Client.PostAsJsonAsync($"/api/v1/alerts/{Guid.NewGuid()}/acknowledge", new { note = new string('x', 501) }, Ct);
        longNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var badKind = await Client.GetAsync("/api/v1/alerts?status=closed&kind=Fire", Ct);
        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badKind.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["status", "kind"], ignoreOrder: true);

        // The hold is still there: the next scan finds the condition acknowledged, so it raises nothing new.
        await ScanAsync();
        (await AlertsAsync("open", "ComplianceHold")).ShouldNotContain(a => a.GetProperty("link").GetString() == $"/orders/{order}");
    }

    [Fact]
    public async Task A_background_job_that_failed_for_good_raises_one_critical_alert_linking_to_the_jobs_dashboard()
    {
        fixture.RequireProvider();
        var error = $"The SMTP server refused the connection ({Guid.NewGuid():N})";
        fixture.App.Services.GetRequiredService<IBackgroundJobClient>()
            .Create(() => MailJobWithoutRetries.Send(), new FailedState(new InvalidOperationException(error)));
        await ScanAsync();
        await ScanAsync();

        var alert = (await AlertsAsync("open", "JobFailing")).Where(a => a.GetProperty("whatToDo").GetString()!.Contains(error, StringComparison.Ordinal)).ShouldHaveSingleItem();
        alert.GetProperty("severity").GetString().ShouldBe("Critical");
        alert.GetProperty("title").GetString().ShouldBe("Background job MailJobWithoutRetries.Send failed");
        alert.GetProperty("link").GetString().ShouldBe("/hangfire/jobs/failed");
        alert.GetProperty("occurrences").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task An_order_held_for_compliance_raises_one_alert_however_often_the_scan_runs()
    {
        fixture.RequireProvider();
        var order = await HeldForComplianceAsync("scan");
        await ScanAsync();
        await ScanAsync();

        var alert = (await AlertsAsync("open", "ComplianceHold")).Where(a => a.GetProperty("link").GetString() == $"/orders/{order}").ShouldHaveSingleItem();
        alert.GetProperty("occurrences").GetInt32().ShouldBe(2);
        alert.GetProperty("whatToDo").GetString()!.ShouldContain("release the hold");
        alert.GetProperty("whatToDo").GetString()!.ShouldContain("AgeUnverified");
    }

    [Fact]
    public async Task Low_stock_is_an_alert_with_the_draft_to_review_and_is_emailed_once()
    {
        fixture.RequireProvider();
        var sku = await SourcingSetup.WineAsync(Client, "ALRTLOW", ("NAPA-WH", 5));
        var set = await Client.PutAsJsonAsync($"/api/v1/inventory/reorder-points/NAPA-WH/{sku}", new { reorderPoint = 10, reorderQuantity = 24 }, Ct);
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync(Ct));
        await fixture.App.InScopeAsync(sp => sp.GetRequiredService<RaiseReorderSuggestionsJob>().RunAsync(Ct));
        await SourcingSetup.SettleAsync(fixture.App);

        var alert = (await AlertsAsync("open", "LowStock")).Where(a => a.GetProperty("subject").GetString() == $"{sku} @ NAPA-WH").ShouldHaveSingleItem();
        alert.GetProperty("whatToDo").GetString()!.ShouldContain("5 available");
        alert.GetProperty("link").GetString().ShouldBe($"/inventory?sku={sku}");
        var emails = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().EmailMessages.AsNoTracking()
            .Where(m => m.Subject == $"Low stock: {sku} at NAPA-WH").ToListAsync(Ct));
        emails.ShouldHaveSingleItem().To.ShouldBe("inventory@orderhub.local");
    }

    [Fact]
    public async Task Work_sourced_to_a_warehouse_raises_one_start_picking_alert_per_wave_worth()
    {
        fixture.RequireProvider();
        foreach (var open in await AlertsAsync("open", "StartPicking"))
        {
            (await Client.PostAsync($"/api/v1/alerts/{open.GetProperty("id").GetGuid()}/acknowledge", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var sku = await SourcingSetup.WineAsync(Client, "ALRTPICK", ("NAPA-WH", 10));
        for (var i = 0; i < 2; i++)
        {
            await SourcingSetup.PlaceReadyAsync(Client, Infrastructure.Orders.ValidBody(email: $"pick-{i}-{Guid.NewGuid():N}@example.com", sku: sku, quantity: 1, region: "CA", postalCode: "94558"), Ct);
            await SourcingSetup.SettleAsync(fixture.App);
        }

        var alert = (await AlertsAsync("open", "StartPicking")).ShouldHaveSingleItem();
        alert.GetProperty("subject").GetString().ShouldBe("NAPA-WH");
        alert.GetProperty("occurrences").GetInt32().ShouldBe(2);
        alert.GetProperty("link").GetString().ShouldBe("/fulfillment/pick-lists");
        alert.GetProperty("whatToDo").GetString()!.ShouldContain("Make a pick list for NAPA-WH");
    }

    [Fact]
    public async Task The_scan_finds_a_stuck_order_a_late_shipment_and_a_label_not_bought_when_due()
    {
        fixture.RequireProvider();
        var scenario = new ShippingScenario(fixture);
        var labelled = (await scenario.LabelledAsync("ALRTLATE")).Single();
        var lateId = labelled.GetProperty("id").GetGuid();
        var due = DateOnly.Parse(labelled.GetProperty("estimatedDelivery").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var sku = await SourcingSetup.WineAsync(Client, "ALRTSTK", ("NAPA-WH", 5));
        var stuck = await SourcingSetup.PlaceReadyAsync(Client, Infrastructure.Orders.ValidBody(email: $"stuck-{Guid.NewGuid():N}@example.com", sku: sku, quantity: 1, region: "CA", postalCode: "94558"), Ct);
        var pending = await DeliveryTestSupport.NewShipmentAsync(fixture.App, "CA", "94105", wine: false);
        var shipOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        (await Client.PutAsJsonAsync($"/api/v1/shipments/{pending}/ship-on", new { date = shipOn, reason = "Customer is away" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await scenario.SettleAsync();

        await ScanAsync(); // today: nothing of these is late yet
        var before = await AlertsAsync("open", null);
        before.ShouldNotContain(a => a.GetProperty("link").GetString() == $"/shipping/shipments/{lateId}");
        before.ShouldNotContain(a => a.GetProperty("link").GetString() == $"/orders/{stuck}");
        before.ShouldNotContain(a => a.GetProperty("link").GetString() == $"/shipping/shipments/{pending}");

        var clock = new ShiftingClock();
        clock.Advance(TimeSpan.FromDays(Math.Max(3, due.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber + 2)));
        await using (var later = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock))))
        {
            for (var run = 0; run < 2; run++)
            {
                await using var scope = later.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScanForStaffAlertsJob>().RunAsync(Ct);
            }
        }

        var after = await AlertsAsync("open", null);
        var late = after.Where(a => a.GetProperty("link").GetString() == $"/shipping/shipments/{lateId}").ShouldHaveSingleItem();
        late.GetProperty("kind").GetString().ShouldBe("ShipmentLate");
        late.GetProperty("title").GetString()!.ShouldContain($"due {due:yyyy-MM-dd}");
        late.GetProperty("occurrences").GetInt32().ShouldBe(2);
        var order = after.Where(a => a.GetProperty("link").GetString() == $"/orders/{stuck}").ShouldHaveSingleItem();
        order.GetProperty("kind").GetString().ShouldBe("OrderStuck");
        order.GetProperty("title").GetString()!.ShouldContain("stuck in ReadyToFulfill");
        var label = after.Where(a => a.GetProperty("link").GetString() == $"/shipping/shipments/{pending}").ShouldHaveSingleItem();
        label.GetProperty("kind").GetString().ShouldBe("LabelFailing");
        label.GetProperty("severity").GetString().ShouldBe("Critical");
    }

    private async Task<Guid> HeldForComplianceAsync(string tag)
    {
        var response = await OrderHubApp.PlaceOrderAsync(Client, Infrastructure.Orders.ValidBody(email: $"alert-{tag}-{Guid.NewGuid():N}@example.com", dateOfBirth: null));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var order = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        order.GetProperty("status").GetString().ShouldBe("OnHold");
        return order.GetProperty("id").GetGuid();
    }

    private Task<int> ScanAsync() => fixture.App.InScopeAsync(sp => sp.GetRequiredService<ScanForStaffAlertsJob>().RunAsync(Ct));

    private async Task<IReadOnlyList<JsonElement>> ExceptionAlertsAsync(Guid shipment) =>
        [.. (await AlertsAsync("open", "ShipmentException")).Where(a => a.GetProperty("link").GetString() == $"/shipping/shipments/{shipment}")];

    private async Task<IReadOnlyList<JsonElement>> AlertsAsync(string status, string? kind)
    {
        var response = await Client.GetAsync($"/api/v1/alerts?status={status}{(kind is null ? "" : $"&kind={kind}")}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()];
    }
}

/// <summary>A job Hangfire does not retry, so a failure is final at once (with retries, a Failed state becomes a retry).</summary>
public static class MailJobWithoutRetries
{
    [AutomaticRetry(Attempts = 0)]
    public static void Send()
    {
    }
}

public sealed class StaffAlertTestsOnSqlite(SqliteHostFixture fixture) : StaffAlertTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class StaffAlertTestsOnPostgres(PostgresHostFixture fixture) : StaffAlertTests(fixture), IClassFixture<PostgresHostFixture>;
