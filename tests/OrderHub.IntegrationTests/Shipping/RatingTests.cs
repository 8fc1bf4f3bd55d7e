using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using Shouldly;

namespace OrderHub.IntegrationTests.Shipping;

/// <summary>
/// <c>POST /api/v1/shipping/rates</c> through the real host and database with the simulated carriers (no carrier API is
/// configured; UPS and FedEx have an alcohol agreement), and the staff-edited rate tables they price from.
/// </summary>
public abstract class RatingTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    public static object Body(bool containsAlcohol, string from = "NAPA-WH", string postalCode = "10024", string region = "NY") => new
    {
        fromLocationCode = from,
        to = new { line1 = "200 W 79th St", city = "New York", region, postalCode, country = "US" },
        packages = new[] { new { weightGrams = 8754, lengthCm = 37, widthCm = 26, heightCm = 22 } },
        containsAlcohol,
    };

    [Fact]
    public async Task Every_carrier_answers_cheapest_first_with_its_own_service_names_and_a_delivery_date_on_a_business_day()
    {
        fixture.RequireProvider();
        var response = await Client.PostAsJsonAsync("/api/v1/shipping/rates", Body(containsAlcohol: false), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        response.Headers.Contains("X-OrderHub-Rating-Warnings").ShouldBeFalse();
        var rates = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToList();

        rates.Select(r => r.GetProperty("carrier").GetString()).Distinct().ShouldBe(["UPS", "FedEx", "DHL", "USPS"], ignoreOrder: true); // the courier stays in-state
        rates.Select(r => r.GetProperty("amount").GetDecimal()).ShouldBeInOrder();
        rates.ShouldContain(r => r.GetProperty("serviceName").GetString() == "UPS 2nd Day Air" && r.GetProperty("service").GetString() == "TwoDay");
        rates.ShouldContain(r => r.GetProperty("serviceName").GetString() == "USPS Priority Mail Express" && r.GetProperty("service").GetString() == "Overnight");
        foreach (var rate in rates)
        {
            rate.GetProperty("currency").GetString().ShouldBe("USD");
            var delivery = DateOnly.Parse(rate.GetProperty("estimatedDelivery").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            delivery.DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
            delivery.ShouldBeGreaterThan(DateOnly.FromDateTime(DateTime.UtcNow));
        }

        var inState = await Client.PostAsJsonAsync("/api/v1/shipping/rates", Body(containsAlcohol: false, postalCode: "94110", region: "CA"), Ct);
        (await inState.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()
            .ShouldContain(r => r.GetProperty("serviceName").GetString() == "Courier Same-Region" && r.GetProperty("transitDays").GetInt32() == 1);
    }

    [Fact]
    public async Task Wine_goes_only_with_carriers_that_have_an_agreement_never_usps_and_pays_the_adult_signature()
    {
        fixture.RequireProvider();
        var plain = (await (await Client.PostAsJsonAsync("/api/v1/shipping/rates", Body(containsAlcohol: false), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToList();
        var response = await Client.PostAsJsonAsync("/api/v1/shipping/rates", Body(containsAlcohol: true), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var wine = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToList();

        wine.Select(r => r.GetProperty("carrier").GetString()).Distinct().ShouldBe(["UPS", "FedEx"], ignoreOrder: true);
        wine.Count.ShouldBe(6);
        foreach (var rate in wine)
        {
            var same = plain.Single(p => p.GetProperty("serviceName").GetString() == rate.GetProperty("serviceName").GetString());
            rate.GetProperty("amount").GetDecimal().ShouldBeGreaterThan(same.GetProperty("amount").GetDecimal() + 9m); // adult signature (~$9) plus its fuel
        }
    }

    [Fact]
    public async Task Bad_input_is_400_with_field_errors_and_an_unknown_location_is_404()
    {
        fixture.RequireProvider();
        var bad = await Client.PostAsJsonAsync("/api/v1/shipping/rates", new
        {
            fromLocationCode = "",
            to = new { line1 = "x", city = "y", region = "New York", postalCode = "1002", country = "US" },
            packages = new[] { new { weightGrams = 0, lengthCm = 10, widthCm = 10, heightCm = 0 } },
        }, Ct);
        var problem = await InventoryApi.ProblemAsync(bad, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(
            ["fromLocationCode", "containsAlcohol", "to.region", "to.postalCode", "packages[0].weightGrams", "packages[0].heightCm"], ignoreOrder: true);

        var unknown = await Client.PostAsJsonAsync("/api/v1/shipping/rates", Body(containsAlcohol: false, from: "NOWHERE-WH"), Ct);
        (await InventoryApi.ProblemAsync(unknown, HttpStatusCode.NotFound)).GetProperty("detail").GetString()!.ShouldContain("NOWHERE-WH");
    }

    [Fact]
    public async Task Staff_edit_the_rate_tables_with_a_version_and_a_reason_rates_follow_and_every_edit_is_kept()
    {
        fixture.RequireProvider();
        var tables = await Client.GetFromJsonAsync<JsonObject>("/api/v1/shipping/rate-tables", Ct);
        var version = tables!["version"]!.GetValue<int>();
        var carriers = tables["carriers"]!.AsArray();
        carriers.Select(c => c!["carrier"]!.GetValue<string>()).ShouldBe(["UPS", "FedEx", "DHL", "USPS", "Courier"]);
        var before = await UpsGroundAsync();

        var ups = carriers.Single(c => c!["carrier"]!.GetValue<string>() == "UPS")!;
        ups["fuelPercent"] = ups["fuelPercent"]!.GetValue<decimal>() + 10m;
        var put = await Client.PutAsJsonAsync("/api/v1/shipping/rate-tables", new { version, reason = "UPS fuel up 10 points this week", carriers }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>(Ct);
        saved.GetProperty("version").GetInt32().ShouldBe(version + 1);
        saved.GetProperty("builtIn").GetBoolean().ShouldBeFalse();
        saved.GetProperty("updatedBy").GetString()!.ShouldStartWith("api:");
        (await UpsGroundAsync()).ShouldBeGreaterThan(before);

        (await Client.PutAsJsonAsync("/api/v1/shipping/rate-tables", new { version, reason = "stale", carriers }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var broken = JsonNode.Parse(carriers.ToJsonString())!.AsArray();
        broken[0]!["dimDivisor"] = 0;
        broken[0]!["zones"]![0]!["originFrom"] = "00";
        broken[2]!["services"]!.AsArray().Add(JsonNode.Parse("""{ "service": "Ground", "transitDays": [ { "zone": 2, "days": 1 } ], "brackets": [ { "zone": 2, "upToPounds": 10, "basePrice": 9, "pricePerPound": 1 } ] }"""));
        var invalid = await Client.PutAsJsonAsync("/api/v1/shipping/rate-tables", new { version = version + 1, reason = "broken", carriers = broken }, Ct);
        var problem = await InventoryApi.ProblemAsync(invalid, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString());
        errors.Keys.ShouldBe(["carriers[0].dimDivisor", "carriers[0].zones[0].originFrom", "carriers[2].services[1]"], ignoreOrder: true);
        errors["carriers[2].services[1]"]!.ShouldContain("DHL has no Ground service");

        ups["fuelPercent"] = ups["fuelPercent"]!.GetValue<decimal>() - 10m;
        (await Client.PutAsJsonAsync("/api/v1/shipping/rate-tables", new { version = version + 1, reason = "Fuel back down", carriers }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await UpsGroundAsync()).ShouldBe(before);

        var changes = (await Client.GetFromJsonAsync<JsonElement>("/api/v1/shipping/rate-tables/changes", Ct)).EnumerateArray().ToList();
        changes.Select(c => c.GetProperty("reason").GetString()).Take(2).ShouldBe(["Fuel back down", "UPS fuel up 10 points this week"]);
        changes[1].GetProperty("version").GetInt32().ShouldBe(version + 1);
        changes[1].GetProperty("before").GetArrayLength().ShouldBe(5);
        changes[0].GetProperty("after")[0].GetProperty("fuelPercent").GetDecimal().ShouldBe(changes[1].GetProperty("before")[0].GetProperty("fuelPercent").GetDecimal());
    }

    private async Task<decimal> UpsGroundAsync()
    {
        var rates = await (await Client.PostAsJsonAsync("/api/v1/shipping/rates", Body(containsAlcohol: false), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        return rates.EnumerateArray().Single(r => r.GetProperty("serviceName").GetString() == "UPS Ground").GetProperty("amount").GetDecimal();
    }
}

/// <summary>The host as a merchant with UPS and FedEx alcohol agreements configures it (no carrier API: simulated carriers).</summary>
public abstract class RatingHostFixture : HostFixture
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["OrderHub:Shipping:Carriers:UPS:AlcoholAgreement"] = "true",
        ["OrderHub:Shipping:Carriers:FedEx:AlcoholAgreement"] = "true",
    };

    protected override OrderHubApp CreateApp(TestDatabase database) => new(database, Settings);
}

public sealed class SqliteRatingHostFixture : RatingHostFixture
{
    protected override Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((TestDatabase.CreateSqlite(), null));
}

public sealed class PostgresRatingHostFixture : RatingHostFixture
{
    protected override async Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is { } server
            ? (await TestDatabase.CreatePostgresAsync(server), null)
            : (null, $"No PostgreSQL server: set {TestDatabase.PostgresVariable} to an admin connection string (.ci/run starts one).");
}

public sealed class RatingTestsOnSqlite(SqliteRatingHostFixture fixture) : RatingTests(fixture), IClassFixture<SqliteRatingHostFixture>;

public sealed class RatingTestsOnPostgres(PostgresRatingHostFixture fixture) : RatingTests(fixture), IClassFixture<PostgresRatingHostFixture>;
