using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Compliance.Contracts.Commands;
using Shouldly;
using UglyToad.PdfPig;
using static OrderHub.IntegrationTests.Compliance.ComplianceScenario;

namespace OrderHub.IntegrationTests.Compliance;

/// <summary>The compliance HTTP surface: rules and their versions, decision explanations, report/CSV and the PDF document.</summary>
public abstract class ComplianceApiTests(HostFixture fixture)
{
    private static readonly string[] SixCases = ["6, cases-of-9L, year"];
    private static readonly string[] Furlongs = ["9, furlongs, month"];
    private static readonly string[] NapaOnly = ["NAPA-WH"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_rules_list_every_state_and_dc_with_limits_in_litres_and_the_winerys_permits()
    {
        fixture.RequireProvider();
        var rules = await fixture.App.CreateApiClient().GetFromJsonAsync<JsonElement>("/api/v1/compliance/rules", Ct);

        rules.GetArrayLength().ShouldBe(51);
        var byState = rules.EnumerateArray().ToDictionary(r => r.GetProperty("stateCode").GetString()!);
        var ct = byState["CT"];
        ct.GetProperty("limits")[0].GetProperty("litres").GetDecimal().ShouldBe(18.9271m);
        ct.GetProperty("limits")[0].GetProperty("period").GetString().ShouldBe("TwoMonths");
        ct.GetProperty("adultSignature").GetString().ShouldBe("WithId");
        byState["CA"].GetProperty("wineryHoldsPermit").GetBoolean().ShouldBeTrue();
        byState["UT"].GetProperty("dtc").GetString().ShouldBe("No");
        byState["UT"].GetProperty("wineryHoldsPermit").GetBoolean().ShouldBeFalse();
        byState["DE"].GetProperty("dtcChangesTo").GetString().ShouldBe("Limited");
        byState["DE"].GetProperty("dtcChangesOn").GetString().ShouldBe("2026-08-15");
    }

    [Fact]
    public async Task A_rule_change_adds_a_version_and_leaves_past_decisions_explained_by_the_rules_of_their_day()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var s = new ComplianceScenario(fixture.App);
        var before = await s.DecideAsync("SD", new DateOnly(2026, 9, 1), Bottles(2));
        before.Outcome.ShouldBe(ComplianceOutcome.Approved);

        var put = await client.PutAsJsonAsync("/api/v1/compliance/rules/sd", new { dtc = "No", limits = SixCases, reason = "Legislature repealed DTC (test)" }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));

        var history = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/rules/SD", Ct);
        history.GetProperty("current").GetProperty("version").GetInt32().ShouldBe(2);
        history.GetProperty("current").GetProperty("dtc").GetString().ShouldBe("No");
        history.GetProperty("current").GetProperty("changedBy").GetString().ShouldBe("api:Bootstrap client");
        history.GetProperty("current").GetProperty("reason").GetString().ShouldBe("Legislature repealed DTC (test)");
        history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ShouldBe([2, 1]);

        var explained = await client.GetFromJsonAsync<JsonElement>($"/api/v1/compliance/decisions/{before.DecisionId}", Ct);
        explained.GetProperty("outcome").GetString().ShouldBe("Approved");
        explained.GetProperty("ruleVersionUsed").GetProperty("version").GetInt32().ShouldBe(1);
        explained.GetProperty("ruleVersionUsed").GetProperty("dtc").GetString().ShouldBe("Yes");
        explained.GetProperty("ruleVersionUsed").GetProperty("limits")[0].GetProperty("text").GetString().ShouldBe("12, cases-of-9L, year");

        var after = await s.DecideAsync("SD", new DateOnly(2026, 9, 1), Bottles(2));
        after.Rule.ShouldBe("DtcNotAllowed");
        var afterExplained = await client.GetFromJsonAsync<JsonElement>($"/api/v1/compliance/decisions/{after.DecisionId}", Ct);
        afterExplained.GetProperty("ruleVersionUsed").GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task A_rule_change_needs_a_reason_a_known_state_valid_limits_and_the_write_scope()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var noReason = await client.PutAsJsonAsync("/api/v1/compliance/rules/TX", new { dtc = "No", limits = Furlongs }, Ct);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await noReason.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        errors.ShouldContain("reason");
        errors.ShouldContain("limits[0]");

        (await client.PutAsJsonAsync("/api/v1/compliance/rules/ZZ", new { dtc = "No", reason = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var readOnly = fixture.App.CreateApiClient(await ApiClients.CreateAsync(fixture.App, "compliance:read"));
        (await readOnly.PutAsJsonAsync("/api/v1/compliance/rules/TX", new { dtc = "No", reason = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await readOnly.GetAsync("/api/v1/compliance/rules/TX", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/compliance/decisions/{Guid.NewGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_report_counts_approved_shipments_per_month_and_state_in_json_and_csv()
    {
        fixture.RequireProvider();
        var s = new ComplianceScenario(fixture.App);
        var orderId = Guid.NewGuid();
        await s.DecideAsync(s.Command("WA", new DateOnly(2025, 2, 3), [Bottles(6, price: 40m)], orderId: orderId));
        await s.DecideAsync(s.Command("WA", new DateOnly(2025, 2, 3), [Bottles(4, price: 40m), Bottles(1, 1500, 100m)], orderId: orderId)); // edit replaces
        await s.DecideAsync(s.Command("WA", new DateOnly(2025, 2, 20), [Bottles(2, price: 30m)]));
        await s.DecideAsync(s.Command("WA", new DateOnly(2025, 2, 21), [Bottles(2)], carryOut: true)); // not a shipment
        await s.DecideAsync(s.Command("WA", new DateOnly(2025, 2, 22), [Bottles(2)], s.Consumer(noDob: true))); // held
        await s.DecideAsync(s.Command("WA", new DateOnly(2025, 3, 1), [Bottles(12, price: 10m)]));
        var cancelled = Guid.NewGuid();
        await s.DecideAsync(s.Command("WA", new DateOnly(2025, 3, 2), [Bottles(12)], orderId: cancelled));
        await s.ReleaseAsync(cancelled);

        var client = fixture.App.CreateApiClient();
        var report = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/report?from=2025-02-01&to=2025-03-31&state=WA", Ct);
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(2);
        rows[0].GetProperty("period").GetString().ShouldBe("2025-02");
        rows[0].GetProperty("shipments").GetInt32().ShouldBe(2);
        rows[0].GetProperty("volumeLitres").GetDecimal().ShouldBe(6m); // 3 L + 1.5 L + 1.5 L
        rows[0].GetProperty("value").GetDecimal().ShouldBe(320m); // 160 + 100 + 60
        rows[1].GetProperty("shipments").GetInt32().ShouldBe(1);

        var csv = await client.GetStringAsync("/api/v1/compliance/report?from=2025-02-01&to=2025-03-31&state=WA&format=csv", Ct);
        csv.ShouldBe("period,state,shipments,volume_litres,value\r\n2025-02,WA,2,6,320.00\r\n2025-03,WA,1,9,120.00\r\n");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/compliance/report?from=2025-02-01&to=2025-02-28&state=WA");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var byAccept = await client.SendAsync(request, Ct);
        byAccept.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await byAccept.Content.ReadAsStringAsync(Ct)).ShouldEndWith("2025-02,WA,2,6,320.00\r\n");

        (await client.GetAsync("/api/v1/compliance/report?from=2025-03-01&to=2025-02-01", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Staff_keep_the_winerys_permits_and_decisions_follow_them()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var s = new ComplianceScenario(fixture.App);
        (await s.DecideAsync("KS", new DateOnly(2026, 9, 1), Bottles(2))).Outcome.ShouldBe(ComplianceOutcome.Approved);

        var put = await client.PutAsJsonAsync("/api/v1/compliance/permits/KS", new { held = false, reason = "Permit lapsed" }, Ct);
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        (await s.DecideAsync("KS", new DateOnly(2026, 9, 1), Bottles(2))).Rule.ShouldBe("PermitNotHeld");

        var limitedOk = await client.PutAsJsonAsync("/api/v1/compliance/permits/NJ",
            new { held = true, permitNumber = "NJ-77", locationCodes = NapaOnly, limitedConditionsConfirmed = true, reason = "Under 250,000 gal, confirmed" }, Ct);
        limitedOk.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.DecideAsync(s.Command("NJ", new DateOnly(2026, 9, 1), [Bottles(2)], shipFrom: "NAPA-WH"))).Outcome.ShouldBe(ComplianceOutcome.Approved);
        (await s.DecideAsync(s.Command("NJ", new DateOnly(2026, 9, 1), [Bottles(2)], shipFrom: "RENO-WH"))).Rule.ShouldBe("LocationNotLicensed");

        var permits = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/permits", Ct);
        var ks = permits.EnumerateArray().Single(p => p.GetProperty("stateCode").GetString() == "KS");
        ks.GetProperty("held").GetBoolean().ShouldBeFalse();
        ks.GetProperty("reason").GetString().ShouldBe("Permit lapsed");
        (await client.PutAsJsonAsync("/api/v1/compliance/permits/KS", new { held = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_compliance_document_is_a_pdf_listing_the_checks_passed()
    {
        fixture.RequireProvider();
        var s = new ComplianceScenario(fixture.App);
        var decision = await s.DecideAsync(s.Command("NY", new DateOnly(2026, 9, 1), [Bottles(3)], shipFrom: "NAPA-WH"));
        var response = await fixture.App.CreateApiClient().GetAsync($"/api/v1/compliance/decisions/{decision.DecisionId}/document.pdf", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        text.ShouldContain("Approved");
        text.ShouldContain("DirectToConsumer");
        text.ShouldContain("VolumeLimit");
        text.ShouldContain("New York (NY) version 1");
        text.ShouldContain("[PASS]");
    }
}

public sealed class ComplianceApiTestsOnSqlite(SqliteHostFixture fixture) : ComplianceApiTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ComplianceApiTestsOnPostgres(PostgresHostFixture fixture) : ComplianceApiTests(fixture), IClassFixture<PostgresHostFixture>;
