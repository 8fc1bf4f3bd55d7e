using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Fulfillment;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Notifications.Persistence;
using OrderHub.Modules.Shipping.Delivery;
using OrderHub.Modules.Shipping.Features.WeatherHolds;
using Shouldly;
using static OrderHub.IntegrationTests.Shipping.DeliveryTestSupport;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// Weather holds for wine on the real host, with the built-in monthly normals and <c>Weather:MaxF=50</c> (every US state
/// is "hot" then): a wine order packed at Napa is held with the temperatures and no label, the order's timeline says
/// so; the hourly job leaves it held while the weather does not allow it, and releases it within one tick once the
/// limits allow (a host with MaxF=100), after which it gets its label and the timeline says that too.
/// </summary>
public abstract class WeatherHoldTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task Wine_to_a_hot_state_is_held_with_a_reason_and_no_label_then_released_by_the_job_and_labelled()
    {
        fixture.RequireProvider();
        var sku = await SourcingSetup.WineAsync(Client, "WX", (Napa, 10));
        var order = await SourcingSetup.PlaceReadyAsync(Client, Infrastructure.Orders.ValidBody(email: "weather-hold@example.com", sku: sku, quantity: 2, region: "CA", postalCode: "94558"), Ct);
        await SettleAsync(fixture.App);
        var id = await PackAsync(fixture.App, Client, order);

        var held = await ShipmentAsync(Client, id);
        held.GetProperty("status").GetString().ShouldBe("LabelPending");
        held.GetProperty("trackingNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        var hold = held.GetProperty("hold");
        var reason = hold.GetProperty("reason").GetString()!;
        reason.ShouldStartWith("Weather hold: too hot for wine, high of ");
        reason.ShouldContain("(CA 94558)");
        reason.ShouldContain("outside -100°F to 50°F");
        reason.ShouldContain("checked again ");
        reason.ShouldContain("no ship date within a year fits"); // California never cools below 50°F by day
        hold.GetProperty("until").ValueKind.ShouldBe(JsonValueKind.Null);

        (await RunJobAsync(fixture.App)).ShouldBe(0); // still too hot: stays held
        await SettleAsync(fixture.App);
        (await ShipmentAsync(Client, id)).GetProperty("status").GetString().ShouldBe("LabelPending");
        var timeline = await TimelineAsync(order);
        timeline.Count(t => t.Event == "WeatherHold").ShouldBe(1); // announced once, not every tick
        timeline.Single(t => t.Event == "WeatherHold").Detail.ShouldBe(reason);
        var told = await fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            var number = (await db.CustomerContacts.SingleAsync(c => c.OrderId == order, Ct)).OrderNumber;
            return await db.EmailMessages.Where(e => e.OrderNumber == number && e.Kind == "WeatherHold").ToListAsync(Ct);
        });
        var email = told.ShouldHaveSingleItem(); // the customer is told once, why, and that no date fits yet
        email.To.ShouldBe("weather-hold@example.com");
        email.Body.ShouldContain($"Why: {reason}");
        email.Body.ShouldContain("We will write as soon as it can leave.");

        await using (var cooler = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.PostConfigure<DeliveryOptions>(o => o.Weather.MaxF = 100))))
        {
            var runs = await Task.WhenAll(RunJobAsync(cooler), RunJobAsync(cooler)); // two hosts' ticks at once
            runs.Sum().ShouldBe(1);
            (await RunJobAsync(cooler)).ShouldBe(0);
            for (var sweep = 0; sweep < 4; sweep++)
            {
                await cooler.Services.GetRequiredService<BuildingBlocks.Messaging.OutboxDispatcher>().DispatchPendingAsync(Ct);
            }
        }

        await SettleAsync(fixture.App);
        var labelled = await ShipmentAsync(Client, id);
        labelled.GetProperty("status").GetString().ShouldBe("LabelCreated");
        labelled.GetProperty("hold").ValueKind.ShouldBe(JsonValueKind.Null);
        labelled.GetProperty("trackingNumber").GetString().ShouldNotBeNullOrEmpty();
        var events = (await TimelineAsync(order)).Select(t => t.Event).ToList();
        events.Count(e => e == "WeatherHoldReleased").ShouldBe(1);
        events.IndexOf("WeatherHoldReleased").ShouldBeGreaterThan(events.IndexOf("WeatherHold"));
        events.ShouldContain("LabelCreated");
    }

    [Fact]
    public async Task Goods_without_alcohol_are_never_held_for_weather()
    {
        fixture.RequireProvider();
        var id = await NewShipmentAsync(fixture.App, "CA", "94105", wine: false);
        await SettleAsync(fixture.App);
        var shipment = await ShipmentAsync(Client, id);
        shipment.GetProperty("status").GetString().ShouldBe("LabelCreated");
        shipment.GetProperty("hold").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    private static async Task<int> RunJobAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope(); // as Hangfire: a scope per run
        return await scope.ServiceProvider.GetRequiredService<ReleaseWeatherHoldsJob>().RunAsync(Ct);
    }

    private async Task<List<(string? Event, string? Detail)>> TimelineAsync(Guid order) =>
        [.. (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}", Ct)).GetProperty("timeline").EnumerateArray()
            .Select(t => (t.GetProperty("event").GetString(), t.GetProperty("detail").GetString()))];
}

/// <summary>A host whose wine may travel only at 50°F or cooler (<c>OrderHub:Shipping:Weather:MaxF=50</c>).</summary>
public abstract class WeatherHostFixture : HostFixture
{
    protected override OrderHubApp CreateApp(TestDatabase database) =>
        new(database, new Dictionary<string, string?> { ["OrderHub:Shipping:Weather:MaxF"] = "50", ["OrderHub:Shipping:Weather:Provider"] = "Normals" });
}

public sealed class SqliteWeatherHostFixture : WeatherHostFixture
{
    protected override Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((TestDatabase.CreateSqlite(), null));
}

public sealed class PostgresWeatherHostFixture : WeatherHostFixture
{
    protected override async Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is { } server
            ? (await TestDatabase.CreatePostgresAsync(server), null)
            : (null, $"No PostgreSQL server: set {TestDatabase.PostgresVariable} to an admin connection string (.ci/run starts one).");
}

public sealed class WeatherHoldTestsOnSqlite(SqliteWeatherHostFixture fixture) : WeatherHoldTests(fixture), IClassFixture<SqliteWeatherHostFixture>;

public sealed class WeatherHoldTestsOnPostgres(PostgresWeatherHostFixture fixture) : WeatherHoldTests(fixture), IClassFixture<PostgresWeatherHostFixture>;
