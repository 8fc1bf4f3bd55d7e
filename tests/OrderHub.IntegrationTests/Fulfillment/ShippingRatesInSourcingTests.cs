using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Fulfillment.Estimates;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Rating;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>
/// Sourcing and quotes price lanes with Shipping's own rate tables (ARCHITECTURE.md: rate estimates are a Shipping
/// query): the estimate for a parcel is exactly what Shipping would charge for its ground label, and a staff edit of
/// the rate tables moves the cost a quote reckons for its shipments.
/// </summary>
public abstract class ShippingRatesInSourcingTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Theory]
    [InlineData("94558", "97201", 1400, 0, 0, 0, true)] // one bottle, Napa to Portland, not yet boxed
    [InlineData("94558", "10001", 9200, 37, 26, 22, true)] // a 6-bottle shipper across the country
    [InlineData("89501", "89502", 17000, 41, 33, 36, false)] // a 12-bottle case, same town, no wine
    [InlineData("94558", "99501", 2800, 25, 15, 15, true)] // to Alaska
    public async Task A_sourcing_estimate_is_what_shipping_charges_for_the_cheapest_ground_label(
        string origin, string destination, int grams, int length, int width, int height, bool wine)
    {
        fixture.RequireProvider();
        var estimator = new RateCardCostEstimator(new ZoneAndWeightCostEstimator());
        var (tables, catalog) = await fixture.App.InScopeAsync(async sp =>
        {
            await estimator.RefreshAsync(sp.GetRequiredService<ISender>(), Ct);
            return (await sp.GetRequiredService<RateTableSource>().AllAsync(Ct), sp.GetRequiredService<CarrierCatalog>());
        });

        var estimate = estimator.Estimate(new Lane(origin, destination, "XX"), new Parcel(grams, length, width, height), wine);

        var request = new RateRequest(
            new Address("1 Winery Rd", null, "Origin", "CA", origin, "US"), new Address("2 Main St", null, "Destination", "OR", destination, "US"),
            [new ShippingParcel(grams, length, width, height)], wine, AdultSignature: wine);
        var labels = tables.Where(t => !wine || catalog.CanCarryAlcohol(t.Carrier))
            .SelectMany(t => RateCalculator.Rate(t, request)).Where(r => r.Service == ServiceLevel.Ground).Select(r => r.Amount).ToList();
        labels.ShouldNotBeEmpty();
        estimate.ShouldBe(labels.Min());
    }

    [Fact]
    public async Task Raising_fuel_in_the_rate_tables_raises_what_a_quote_reckons_its_shipment_costs()
    {
        fixture.RequireProvider();
        var before = await QuotedChargeAsync();
        var tables = await Client.GetFromJsonAsync<JsonObject>("/api/v1/shipping/rate-tables", Ct);
        var carriers = tables!["carriers"]!.AsArray();
        foreach (var carrier in carriers)
        {
            carrier!["fuelPercent"] = carrier["fuelPercent"]!.GetValue<decimal>() + 50m;
        }

        var put = await Client.PutAsJsonAsync("/api/v1/shipping/rate-tables", new { version = tables["version"]!.GetValue<int>(), reason = "Fuel crisis", carriers }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));

        var after = await QuotedChargeAsync();
        after.ShouldBeGreaterThan(before * 1.2m); // +50 points of fuel on the carriage; the handling stays
    }

    private async Task<decimal> QuotedChargeAsync()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/fulfillment/quote", new
        {
            lines = new[] { new { sku = "CAB-2019-750", quantity = 2 } },
            shippingAddress = new { line1 = "1 Main St", city = "Portland", region = "OR", postalCode = "97201", country = "US" },
            shippingService = "Ground",
        }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("plan").EnumerateArray().Sum(s => s.GetProperty("estimatedCost").GetProperty("amount").GetDecimal());
    }
}

public sealed class ShippingRatesInSourcingTestsOnSqlite(SqliteHostFixture fixture) : ShippingRatesInSourcingTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ShippingRatesInSourcingTestsOnPostgres(PostgresHostFixture fixture) : ShippingRatesInSourcingTests(fixture), IClassFixture<PostgresHostFixture>;
