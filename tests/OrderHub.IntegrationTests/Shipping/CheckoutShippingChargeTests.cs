using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// The checkout's shipping charge is a Shipping quote under the merchant's rule (<c>OrderHub:Shipping:CheckoutCharge</c>):
/// a web store's cart quote and the order placed from the same cart are charged the same, per box by default; by
/// carrier rate the charge follows the lane (what the cheapest carrier that may carry wine asks, plus the markup); free
/// Ground from a subtotal; a rule that cannot price a cart stops the host at start.
/// </summary>
public abstract class CheckoutShippingChargeTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Theory]
    [InlineData(2, "Ground", 15.00)] // up to 6 bottles: one small box, 15.00
    [InlineData(6, "TwoDay", 30.00)] // TwoDay is twice Ground
    [InlineData(7, "Ground", 25.00)] // 7 bottles go in a 12-bottle box, 25.00
    [InlineData(13, "Overnight", 150.00)] // two 12-bottle boxes, three times Ground
    public async Task A_quoted_cart_and_the_order_placed_from_it_pay_the_same_per_box_charge(int bottles, string service, decimal expected)
    {
        fixture.RequireProvider();

        var quoted = await CheckoutCharge.QuoteAsync(Client, bottles, service, "NY", "10001");
        var order = await CheckoutCharge.PlaceAsync(Client, bottles, service, "NY", "10001");

        quoted.ShouldBe(expected);
        order.GetProperty("totals").GetProperty("shipping").GetDecimal().ShouldBe(expected);
        var totals = order.GetProperty("totals");
        totals.GetProperty("total").GetDecimal().ShouldBe(
            totals.GetProperty("subtotal").GetDecimal() + totals.GetProperty("shipping").GetDecimal() + totals.GetProperty("tax").GetDecimal());
    }

    [Fact]
    public async Task A_carry_out_sale_pays_no_shipping()
    {
        fixture.RequireProvider();

        var order = await CheckoutCharge.PlaceAsync(Client, 2, "Pickup", "CA", "94558", channel: "Pos");

        order.GetProperty("totals").GetProperty("shipping").GetDecimal().ShouldBe(0m);
    }
}

public sealed class CheckoutShippingChargeTestsOnSqlite(SqliteHostFixture fixture) : CheckoutShippingChargeTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class CheckoutShippingChargeTestsOnPostgres(PostgresHostFixture fixture) : CheckoutShippingChargeTests(fixture), IClassFixture<PostgresHostFixture>;

/// <summary>A merchant who passes carrier rates on (from Napa, plus 10 %) and ships Ground free from 500.00.</summary>
public sealed class CarrierRateCheckoutChargeTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> CarrierRateRule = new()
    {
        ["OrderHub:Shipping:CheckoutCharge:Basis"] = "CarrierRate",
        ["OrderHub:Shipping:CheckoutCharge:OriginPostalCode"] = "94558",
        ["OrderHub:Shipping:CheckoutCharge:OriginRegion"] = "CA",
        ["OrderHub:Shipping:CheckoutCharge:MarkupPercent"] = "10",
        ["OrderHub:Shipping:CheckoutCharge:FreeGroundFromSubtotal"] = "500",
    };

    private readonly TestDatabase _database = TestDatabase.CreateSqlite();
    private OrderHubApp? _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => _app!.CreateApiClient();

    public ValueTask InitializeAsync()
    {
        _app = new OrderHubApp(_database, CarrierRateRule);
        _ = _app.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_charge_is_the_cheapest_wine_carriers_rate_for_the_lane_plus_the_markup()
    {
        var toPortland = await CheckoutCharge.PlaceAsync(Client, 3, "TwoDay", "OR", "97201");
        var toNewYork = await CheckoutCharge.PlaceAsync(Client, 3, "TwoDay", "NY", "10001");

        // Three bottles (1,400 g each) travel in one six-bottle shipper (42 x 31 x 23 cm, 1,500 g empty).
        var portlandRate = await CheapestWineRateAsync("OR", "97201", "TwoDay", 1_500 + (3 * 1_400));
        var newYorkRate = await CheapestWineRateAsync("NY", "10001", "TwoDay", 1_500 + (3 * 1_400));
        Shipping(toPortland).ShouldBe(Math.Round(portlandRate * 1.10m, 2, MidpointRounding.AwayFromZero));
        Shipping(toNewYork).ShouldBe(Math.Round(newYorkRate * 1.10m, 2, MidpointRounding.AwayFromZero));
        Shipping(toNewYork).ShouldBeGreaterThan(Shipping(toPortland)); // across the country costs more than next door
        (await CheckoutCharge.QuoteAsync(Client, 3, "TwoDay", "NY", "10001")).ShouldBe(Shipping(toNewYork));
    }

    [Fact]
    public async Task Ground_is_free_from_the_subtotal_and_faster_services_are_still_charged()
    {
        // 8 bottles at 65.00 = 520.00, above the 500.00 threshold; 7 bottles = 455.00, below it.
        var free = await CheckoutCharge.PlaceAsync(Client, 8, "Ground", "OR", "97201");
        var paid = await CheckoutCharge.PlaceAsync(Client, 7, "Ground", "OR", "97201");
        var faster = await CheckoutCharge.PlaceAsync(Client, 8, "TwoDay", "OR", "97201");

        Shipping(free).ShouldBe(0m);
        Shipping(paid).ShouldBeGreaterThan(0m);
        Shipping(faster).ShouldBeGreaterThan(0m);
    }

    [Fact]
    public async Task A_carrier_rate_rule_without_its_origin_stops_the_host_at_start()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var app = new OrderHubApp(database, new Dictionary<string, string?> { ["OrderHub:Shipping:CheckoutCharge:Basis"] = "CarrierRate" });

        var failure = Should.Throw<Exception>(() => _ = app.Server);

        failure.ToString().ShouldContain("OrderHub:Shipping:CheckoutCharge: Basis CarrierRate needs OriginPostalCode");
    }

    private static decimal Shipping(JsonElement order) => order.GetProperty("totals").GetProperty("shipping").GetDecimal();

    private async Task<decimal> CheapestWineRateAsync(string region, string postalCode, string service, int grams)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/shipping/rates", new
        {
            fromLocationCode = "NAPA-WH",
            to = new { line1 = "1 Main St", city = "Springfield", region, postalCode, country = "US" },
            packages = new[] { new { weightGrams = grams, lengthCm = 42, widthCm = 31, heightCm = 23 } },
            containsAlcohol = true,
        }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var rates = JsonDocument.Parse(body).RootElement.EnumerateArray().Where(r => r.GetProperty("service").GetString() == service).ToList();
        rates.ShouldNotBeEmpty();
        return rates.Min(r => r.GetProperty("amount").GetDecimal());
    }
}

/// <summary>A web store's two calls at checkout: quote the cart, place the order.</summary>
internal static class CheckoutCharge
{
    private const string Sku = "CAB-2019-750";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<decimal> QuoteAsync(HttpClient client, int bottles, string service, string region, string postalCode)
    {
        var response = await client.PostAsJsonAsync("/api/v1/fulfillment/quote", new
        {
            lines = new[] { new { sku = Sku, quantity = bottles } },
            shippingAddress = new { line1 = "1 Main St", city = "Springfield", region, postalCode, country = "US" },
            shippingService = service,
        }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("shippingCharge").GetProperty("amount").GetDecimal();
    }

    public static async Task<JsonElement> PlaceAsync(HttpClient client, int bottles, string service, string region, string postalCode, string channel = "Web")
    {
        var email = $"charge-{Guid.NewGuid():N}@example.com";
        var response = await OrderHubApp.PlaceOrderAsync(
            client, Infrastructure.Orders.ValidBody(email, Sku, bottles, region: region, postalCode: postalCode, shippingService: service, channel: channel));
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
