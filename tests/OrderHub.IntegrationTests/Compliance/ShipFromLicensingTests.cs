using System.Net;
using System.Net.Http.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Compliance.Contracts.Queries;
using Shouldly;

namespace OrderHub.IntegrationTests.Compliance;

/// <summary>Sourcing asks which locations may ship wine into a state; the answer follows the law table and the permits staff keep.</summary>
public abstract class ShipFromLicensingTests(HostFixture fixture)
{
    private static readonly string[] NapaOnly = ["NAPA-WH"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_locations_the_states_permit_covers_may_ship_there_and_the_reason_says_why()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var permit = await client.PutAsJsonAsync("/api/v1/compliance/permits/GA",
            new { held = true, permitNumber = "GA-1", locationCodes = NapaOnly, reason = "Napa only" }, Ct);
        permit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/v1/compliance/permits/KS", new { held = false, reason = "Lapsed" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        string[] both = ["NAPA-WH", "RENO-WH"];

        var georgia = await InventoryApi.SendAsync(fixture.App, new GetShipFromLicensingQuery("ga", both));
        var kansas = await InventoryApi.SendAsync(fixture.App, new GetShipFromLicensingQuery("KS", both));
        var utah = await InventoryApi.SendAsync(fixture.App, new GetShipFromLicensingQuery("UT", both));
        var oregon = await InventoryApi.SendAsync(fixture.App, new GetShipFromLicensingQuery("OR", both));

        georgia.Select(l => (l.LocationCode, l.MayShipWine)).ShouldBe([("NAPA-WH", true), ("RENO-WH", false)]);
        georgia[1].Reason.ShouldContain("covers only NAPA-WH, not RENO-WH");
        kansas.ShouldAllBe(l => !l.MayShipWine && l.Reason.Contains("does not hold it"));
        utah.ShouldAllBe(l => !l.MayShipWine && l.Reason.Contains("does not allow"));
        oregon.ShouldAllBe(l => l.MayShipWine);
    }
}

public sealed class ShipFromLicensingTestsOnSqlite(SqliteHostFixture fixture) : ShipFromLicensingTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ShipFromLicensingTestsOnPostgres(PostgresHostFixture fixture) : ShipFromLicensingTests(fixture), IClassFixture<PostgresHostFixture>;
