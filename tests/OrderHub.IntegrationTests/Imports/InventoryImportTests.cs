using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using Shouldly;

namespace OrderHub.IntegrationTests.CsvImports;

/// <summary>CSV import of the catalog and of opening stock: good rows applied, bad rows reported by line and column.</summary>
public abstract class InventoryImportTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_mixed_catalog_file_creates_the_good_rows_and_reports_each_bad_line_with_its_column()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        string a = InventoryApi.NewSku("IA"), b = InventoryApi.NewSku("IB"), c = InventoryApi.NewSku("IC"), d = InventoryApi.NewSku("ID");
        var csv = $""""
            sku,name,price,currency,weightGrams,isAlcohol,varietal,vintage,volumeMl
            {a},"Merlot, ""Reserve""",24.50,USD,1400,true,Merlot,2021,750
            {b},Rosé,18,USD,1300,yes,Rose,2023,750
            {a},Duplicate,10,USD,1,true,,,
            ,No SKU,10,USD,1,true,,,
            {c},Bad price,12.x,USD,1,true,,,
            {d},Bad vintage,12,usd,1,true,,1700,
            CAB-2019-750,Already in the catalog,10,USD,1,true,,,
            """";

        var report = await PostCsvAsync(client, "/api/v1/products/import", csv);

        report.GetProperty("accepted").GetInt32().ShouldBe(2);
        var rejected = Rejected(report);
        rejected.Keys.ShouldBe([4, 5, 6, 7, 8]);
        rejected[4].ShouldBe(["sku"]);
        rejected[5].ShouldBe(["sku"]);
        rejected[6].ShouldBe(["price"]);
        rejected[7].ShouldBe(["currency", "vintage"], ignoreOrder: true);
        rejected[8].ShouldBe(["sku"]);

        var created = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{a}", Ct);
        created.GetProperty("name").GetString().ShouldBe("Merlot, \"Reserve\"");
        created.GetProperty("price").GetDecimal().ShouldBe(24.50m);
        created.GetProperty("vintage").GetInt32().ShouldBe(2021);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{b}", Ct)).GetProperty("isAlcohol").GetBoolean().ShouldBeTrue();
        (await client.GetAsync($"/api/v1/products/{c}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Opening_stock_is_received_per_good_row_and_a_re_upload_with_the_same_key_receives_nothing_twice()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        string a = InventoryApi.NewSku("SA"), b = InventoryApi.NewSku("SB");
        await InventoryApi.CreateProductAsync(client, a);
        await InventoryApi.CreateProductAsync(client, b);
        var csv = $"locationCode,sku,quantity,lot,bin\r\nNAPA-WH,{a},24,L1,\r\nNAPA-WH,{b},12,,\r\nNOWHERE,{a},5,,\r\n"
            + $"NAPA-WH,NO-SUCH-SKU-1,5,,\r\nNAPA-WH,{a},-3,,\r\nNAPA-WH,{a},2.5,,\r\nTASTING-ROOM,{a},6,L1,\r\n";
        var key = Guid.NewGuid().ToString();

        var report = await PostCsvAsync(client, "/api/v1/inventory/import", csv, key);

        report.GetProperty("accepted").GetInt32().ShouldBe(3);
        var rejected = Rejected(report);
        rejected.Keys.ShouldBe([4, 5, 6, 7]);
        rejected[4].ShouldBe(["locationCode"]);
        rejected[5].ShouldBe(["sku"]);
        rejected[6].ShouldBe(["quantity"]);
        rejected[7].ShouldBe(["quantity"]);
        (await OnHandAsync(client, a)).ShouldBe(30);
        (await OnHandAsync(client, b)).ShouldBe(12);

        var again = await PostCsvAsync(client, "/api/v1/inventory/import", csv, key);
        again.GetProperty("accepted").GetInt32().ShouldBe(3);
        (await OnHandAsync(client, a)).ShouldBe(30);

        var other = await PostAsync(client, "/api/v1/inventory/import", csv.Replace(",24,", ",25,", StringComparison.Ordinal), key);
        other.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await OnHandAsync(client, a)).ShouldBe(30);
    }

    [Fact]
    public async Task All_or_nothing_applies_nothing_when_one_row_is_bad_and_everything_when_all_are_good()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        string a = InventoryApi.NewSku("AA"), b = InventoryApi.NewSku("AB");
        var bad = $"sku,name,price,currency\n{a},Good,10,USD\n{b},Bad,-1,USD\n";

        var refused = await PostCsvAsync(client, "/api/v1/products/import?mode=all-or-nothing", bad);

        refused.GetProperty("accepted").GetInt32().ShouldBe(0);
        Rejected(refused).Keys.ShouldBe([3]);
        (await client.GetAsync($"/api/v1/products/{a}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var good = $"sku,name,price,currency\n{a},Good,10,USD\n{b},Good too,11,USD\n";
        (await PostCsvAsync(client, "/api/v1/products/import?mode=all-or-nothing", good)).GetProperty("accepted").GetInt32().ShouldBe(2);

        var stock = $"locationCode,sku,quantity\nNAPA-WH,{a},10\nNAPA-WH,{b},4\nNAPA-WH,{a},abc\n";
        var stockReport = await PostCsvAsync(client, "/api/v1/inventory/import?mode=all-or-nothing", stock);
        stockReport.GetProperty("accepted").GetInt32().ShouldBe(0);
        (await OnHandAsync(client, a)).ShouldBe(0);

        var late = $"locationCode,sku,quantity\nNAPA-WH,{a},10\nNAPA-WH,{b},4\nNOWHERE,{a},1\n";
        Rejected(await PostCsvAsync(client, "/api/v1/inventory/import?mode=all-or-nothing", late)).Keys.ShouldBe([4]);
        (await OnHandAsync(client, a)).ShouldBe(0);
        (await OnHandAsync(client, b)).ShouldBe(0);
    }

    [Fact]
    public async Task A_file_without_a_header_or_with_unknown_columns_is_a_400_problem()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();

        var noHeader = await PostAsync(client, "/api/v1/inventory/import", "NAPA-WH,CAB-2019-750,5\n");
        noHeader.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noHeader.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        var unknown = await PostAsync(client, "/api/v1/products/import", "sku,name,price,currency,colour\nX,Y,1,USD,red\n");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("colour");

        (await PostAsync(client, "/api/v1/products/import", "")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(client, "/api/v1/products/import?mode=sometimes", "sku,name,price,currency\n")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Broken_quoting_on_the_last_line_of_a_large_file_is_a_400_before_any_row_is_applied()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku("BQ");
        await InventoryApi.CreateProductAsync(client, sku);
        var csv = new StringBuilder("locationCode,sku,quantity,lot\n");
        for (var i = 0; i < 5_000; i++)
        {
            csv.Append($"NAPA-WH,{sku},1,\"LOT, {i}\"\n"); // well past the reader's buffers before the mistake
        }

        csv.Append($"NAPA-WH,{sku},1,\"unclosed\n");

        var response = await PostAsync(client, "/api/v1/inventory/import", csv.ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Line 5002");
        (await OnHandAsync(client, sku)).ShouldBe(0);
    }

    [Fact]
    public async Task A_multipart_file_upload_is_accepted_and_the_scope_is_required()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku("MP");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"sku,name,price,currency\n{sku},Uploaded,9.99,USD\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "products.csv");

        var response = await client.PostAsync("/api/v1/products/import", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await client.GetAsync($"/api/v1/products/{sku}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var readOnly = fixture.App.CreateApiClient(await ApiClients.CreateAsync(fixture.App, "inventory:write"));
        (await PostAsync(readOnly, "/api/v1/products/import", $"sku,name,price,currency\n{sku}X,Y,1,USD\n")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string csv, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> PostCsvAsync(HttpClient client, string url, string csv, string? key = null)
    {
        var response = await PostAsync(client, url, csv, key);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Line → the columns its errors name.</summary>
    private static SortedDictionary<int, List<string?>> Rejected(JsonElement report) =>
        new(report.GetProperty("rejected").EnumerateArray().ToDictionary(
            r => r.GetProperty("line").GetInt32(),
            r => r.GetProperty("errors").EnumerateArray()
                .Select(e => e.TryGetProperty("column", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null).ToList()));

    private static async Task<int> OnHandAsync(HttpClient client, string sku)
    {
        var response = await client.GetAsync($"/api/v1/inventory/{sku}", Ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        var stock = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return stock.GetProperty("locations").EnumerateArray().Sum(l => l.GetProperty("onHand").GetInt32());
    }
}

public sealed class InventoryImportTestsOnSqlite(SqliteHostFixture fixture) : InventoryImportTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class InventoryImportTestsOnPostgres(PostgresHostFixture fixture) : InventoryImportTests(fixture), IClassFixture<PostgresHostFixture>;
