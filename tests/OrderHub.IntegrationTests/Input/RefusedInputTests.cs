using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using Shouldly;

namespace OrderHub.IntegrationTests.Input;

/// <summary>
/// Input the API promises to refuse (issue 19, point 6): currencies that are not active ISO 4217 codes, more than one
/// currency in an order, effective dates that are not dates, and control characters in free text. Each is a problem
/// (400 naming the field, or 422 naming the rule), never a 200 and never a 500.
/// </summary>
public abstract class RefusedInputTests(HostFixture fixture)
{
    private const string Nul = "\0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("XXX")]
    [InlineData("XTS")]
    [InlineData("QQQ")]
    [InlineData("usd")]
    [InlineData("HRK")]
    public async Task A_product_priced_in_a_code_that_is_not_an_active_currency_is_400_naming_currency(string currency)
    {
        fixture.RequireProvider();
        var response = await fixture.App.CreateApiClient().PostAsJsonAsync("/api/v1/products", Product(InventoryApi.NewSku("CUR"), currency), Ct);

        await ShouldBeFieldErrorAsync(response, "currency");
    }

    [Fact]
    public async Task A_product_in_euros_is_accepted()
    {
        fixture.RequireProvider();
        var response = await fixture.App.CreateApiClient().PostAsJsonAsync("/api/v1/products", Product(InventoryApi.NewSku("EUR"), "EUR"), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_product_import_refuses_a_row_in_XXX_by_its_currency_column()
    {
        fixture.RequireProvider();
        string good = InventoryApi.NewSku("IMC"), bad = InventoryApi.NewSku("IMX");
        using var content = new StringContent($"sku,name,price,currency\n{good},Good,10,EUR\n{bad},Test code,10,XXX\n", Encoding.UTF8, "text/csv");
        var response = await fixture.App.CreateApiClient().PostAsync("/api/v1/products/import", content, Ct);

        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        report.GetProperty("accepted").GetInt32().ShouldBe(1);
        var rejected = report.GetProperty("rejected").EnumerateArray().ShouldHaveSingleItem();
        rejected.GetProperty("line").GetInt32().ShouldBe(3);
        rejected.GetProperty("errors")[0].GetProperty("column").GetString().ShouldBe("currency");
    }

    [Fact]
    public async Task Shipping_in_dollars_is_not_added_to_an_order_priced_in_euros_it_is_422_CurrencyMismatch()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku("EUR");
        (await client.PostAsJsonAsync("/api/v1/products", Product(sku, "EUR"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: "euro@example.com", sku: sku));

        await ShouldBeRuleAsync(response, "CurrencyMismatch", "EUR");
    }

    [Fact]
    public async Task Lines_priced_in_two_currencies_are_422_MixedCurrencies()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var euro = InventoryApi.NewSku("EUR");
        (await client.PostAsJsonAsync("/api/v1/products", Product(euro, "EUR"), Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = JsonSerializer.SerializeToNode(Infrastructure.Orders.ValidBody(email: "mixed@example.com"))!;
        body["lines"] = JsonSerializer.SerializeToNode(new[] { new { sku = "CAB-2019-750", quantity = 1 }, new { sku = euro, quantity = 1 } });

        var response = await OrderHubApp.PlaceOrderAsync(client, body);

        await ShouldBeRuleAsync(response, "MixedCurrencies", "EUR");
    }

    [Fact]
    public async Task Control_characters_in_an_orders_names_and_address_are_400_naming_each_field()
    {
        fixture.RequireProvider();
        var body = JsonSerializer.SerializeToNode(Infrastructure.Orders.ValidBody(email: "nul@example.com"))!;
        body["customer"]!["firstName"] = "Ada" + Nul;
        body["customer"]!["lastName"] = "Love\u0085lace"; // C1 NEL
        body["shippingAddress"]!["line1"] = "1 Main St\nApt 2";
        body["shippingAddress"]!["city"] = "Port\u007Fland";
        body["externalReference"] = "WEB\t1";

        var response = await OrderHubApp.PlaceOrderAsync(fixture.App.CreateApiClient(), body);

        var errors = await FieldErrorsAsync(response);
        errors.ShouldBe(["customer.firstName", "customer.lastName", "shippingAddress.line1", "shippingAddress.city", "externalReference"], ignoreOrder: true);
    }

    [Fact]
    public async Task Control_characters_in_a_product_are_400_naming_the_field()
    {
        fixture.RequireProvider();
        var response = await fixture.App.CreateApiClient().PostAsJsonAsync(
            "/api/v1/products", Product(InventoryApi.NewSku("NUL"), "USD", name: "Merlot" + Nul, varietal: "Mer\u001Blot"), Ct);

        (await FieldErrorsAsync(response)).ShouldBe(["name", "varietal"], ignoreOrder: true);
    }

    [Fact]
    public async Task Control_characters_in_a_location_are_400_naming_the_field()
    {
        fixture.RequireProvider();
        var response = await fixture.App.CreateApiClient().PostAsJsonAsync("/api/v1/locations", new
        {
            code = InventoryApi.NewSku("LOC"),
            name = "Cellar\r\nTwo",
            type = "Warehouse",
            address = new { line1 = "2 Vine St" + Nul, city = "Napa", region = "CA", postalCode = "94558", country = "US" },
        }, Ct);

        (await FieldErrorsAsync(response)).ShouldBe(["name", "address.line1"], ignoreOrder: true);
    }

    [Fact]
    public async Task Control_characters_in_a_compliance_rule_or_permit_edit_are_400_naming_the_field()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();

        var rule = await client.PutAsJsonAsync("/api/v1/compliance/rules/NM", new { conditions = "no\u0000dry areas", reason = "Test\u0007" }, Ct);
        (await FieldErrorsAsync(rule)).ShouldBe(["conditions", "reason"], ignoreOrder: true);

        var permit = await client.PutAsJsonAsync("/api/v1/compliance/permits/NM", new { held = true, permitNumber = "NM-1\u0000", reason = "Renewed" }, Ct);
        (await FieldErrorsAsync(permit)).ShouldBe(["permitNumber"]);
    }

    [Theory]
    [InlineData("not-a-date")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13")]
    [InlineData("yesterday")]
    public async Task An_effective_date_that_is_not_a_date_is_400_naming_effectiveDate_and_changes_nothing(string effectiveDate)
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/rules/MT", Ct);

        var response = await client.PutAsJsonAsync("/api/v1/compliance/rules/MT", new { effectiveDate, reason = "Corrected the date" }, Ct);

        await ShouldBeFieldErrorAsync(response, "effectiveDate");
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance/rules/MT", Ct);
        after.GetProperty("current").GetProperty("version").GetInt32().ShouldBe(before.GetProperty("current").GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("WY", "2026-08-15")]
    [InlineData("WV", "2025 (mid-year)")]
    [InlineData("VT", "src 2025-05")]
    public async Task Effective_dates_as_the_law_table_writes_them_are_accepted(string state, string effectiveDate)
    {
        fixture.RequireProvider();
        var response = await fixture.App.CreateApiClient().PutAsJsonAsync($"/api/v1/compliance/rules/{state}", new { effectiveDate, reason = "Date checked" }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static object Product(string sku, string currency, string? name = null, string? varietal = null) => new
    {
        sku,
        name = name ?? "Test wine " + sku,
        price = 20m,
        currency,
        weightGrams = 1400,
        isAlcohol = false,
        varietal,
    };

    private static async Task ShouldBeFieldErrorAsync(HttpResponseMessage response, string field) =>
        (await FieldErrorsAsync(response)).ShouldContain(field);

    private static async Task<List<string>> FieldErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }

    private static async Task ShouldBeRuleAsync(HttpResponseMessage response, string rule, string mentions)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("rule").GetString().ShouldBe(rule);
        problem.RootElement.GetProperty("detail").GetString()!.ShouldContain(mentions);
    }
}

public sealed class RefusedInputTestsOnSqlite(SqliteHostFixture fixture) : RefusedInputTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class RefusedInputTestsOnPostgres(PostgresHostFixture fixture) : RefusedInputTests(fixture), IClassFixture<PostgresHostFixture>;
