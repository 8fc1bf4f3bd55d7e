using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.CsvImports;

/// <summary>CSV import of orders: each order placed as the REST endpoint places it, bad ones reported by line and column.</summary>
public abstract class OrderImportTests(HostFixture fixture)
{
    private const string Header =
        "externalReference,email,firstName,lastName,dateOfBirth,phone,line1,line2,city,region,postalCode,country,shippingService,sku,quantity,paymentToken";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Good_orders_are_placed_and_a_bad_one_is_reported_with_its_fields_and_a_re_upload_creates_nothing_twice()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder(Header).Append("\r\n")
            .Append($"R1-{run},ada-{run}@example.com,Ada,Lovelace-{run},1985-12-10,,\"12 Main St, Apt 4\",,Springfield,OR,97201,US,Ground,CAB-2019-750,2,tok_visa\r\n")
            .Append($"R1-{run},,,,,,,,,,,,,CHD-2022-750,1,\r\n")
            .Append($"R2-{run},bob-{run}@example.com,Bob,Builder-{run},1980-01-01,,9 Oak Ave,,Portland,OR,97205,US,Ground,CAB-2019-750,1,tok_visa\r\n")
            .Append($"R3-{run},not-an-email,Cy,Young-{run},1980-01-01,,1 Elm St,,Salem,OR,1234,US,Ground,CAB-2019-750,1,tok_visa\r\n")
            .Append($"R4-{run},dee-{run}@example.com,Dee,Dee-{run},1980-01-01,,2 Pine St,,Eugene,OR,97401,US,Ground,CAB-2019-750,0,tok_visa\r\n")
            .Append($"R5-{run},eve-{run}@example.com,Eve,Eve-{run},1980-01-01,,3 Fir St,,Bend,OR,97701,US,Ground,NO-SUCH-SKU-{run},1,tok_visa\r\n")
            .Append($"R6-{run},fay-{run}@example.com,Fay,Fay-{run},1980-01-01,,4 Ash St,,Salt Lake City,UT,84101,US,Ground,SB-2023-750,1,tok_visa\r\n")
            .Append($"R2-{run},,,,,,,,,,,,,CHD-2022-750,x,\r\n")
            .ToString();

        var report = await ImportAsync(client, csv);

        report.GetProperty("created").GetInt32().ShouldBe(1);
        report.GetProperty("refused").GetInt32().ShouldBe(1);
        report.GetProperty("rejected").GetInt32().ShouldBe(4);
        var orders = ByReference(report, run);

        var r1 = orders["R1"];
        r1.GetProperty("result").GetString().ShouldBe("Created");
        r1.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        r1.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()).ShouldBe([2, 3]);
        var placed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{r1.GetProperty("orderId").GetGuid()}", Ct);
        placed.GetProperty("channel").GetString().ShouldBe("Import");
        placed.GetProperty("externalReference").GetString().ShouldBe($"R1-{run}");
        placed.GetProperty("number").GetString().ShouldBe(r1.GetProperty("orderNumber").GetString());
        placed.GetProperty("shippingAddress").GetProperty("line1").GetString().ShouldBe("12 Main St, Apt 4");
        placed.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("quantity").GetInt32()))
            .ShouldBe([("CAB-2019-750", 2), ("CHD-2022-750", 1)], ignoreOrder: true);

        Errors(orders["R2"]).ShouldBe([(9, "quantity")]);
        Errors(orders["R3"]).ShouldBe([(5, "email"), (5, "postalCode")], ignoreOrder: true);
        Errors(orders["R4"]).ShouldBe([(6, "quantity")]);
        orders["R5"].GetProperty("rule").GetString().ShouldBe("UnknownSku");
        Errors(orders["R5"]).ShouldBe([(7, "sku")]);
        orders["R6"].GetProperty("result").GetString().ShouldBe("Refused");
        orders["R6"].GetProperty("rule").GetString().ShouldBe("DtcNotAllowed");
        orders["R6"].GetProperty("status").GetString().ShouldBe("Cancelled");

        var again = await ImportAsync(client, csv);

        again.GetProperty("created").GetInt32().ShouldBe(0);
        again.GetProperty("alreadyImported").GetInt32().ShouldBe(2);
        ByReference(again, run)["R1"].GetProperty("orderNumber").GetString().ShouldBe(r1.GetProperty("orderNumber").GetString());
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?email=ada-{run}@example.com", Ct);
        page.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_same_file_under_another_key_or_from_the_page_places_no_order_twice()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = Header + "\n" +
            $"K1-{run},kim-{run}@example.com,Kim,Cork-{run},1980-02-02,,9 Vine St,,Ashland,OR,97520,US,TwoDay,CHD-2022-750,1,tok_visa\n";

        var first = await ImportAsync(client, csv, Guid.NewGuid().ToString());
        var second = await ImportAsync(client, csv, Guid.NewGuid().ToString());
        var third = await ImportAsync(client, csv);

        first.GetProperty("created").GetInt32().ShouldBe(1);
        (second.GetProperty("created").GetInt32(), second.GetProperty("alreadyImported").GetInt32()).ShouldBe((0, 1));
        (third.GetProperty("created").GetInt32(), third.GetProperty("alreadyImported").GetInt32()).ShouldBe((0, 1));
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?email=kim-{run}@example.com", Ct);
        page.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_fixed_order_is_placed_on_re_upload_and_an_edited_one_is_not_placed_twice()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        string Row(string reference, string email, int quantity) =>
            $"{reference}-{run},{email}-{run}@example.com,Gus,Grape-{email}-{run},1975-05-05,,7 Vine St,,Ashland,OR,97520,US,TwoDay,CHD-2022-750,{quantity},tok_visa\n";
        var key = Guid.NewGuid().ToString();

        var first = await ImportAsync(client, Header + "\n" + Row("A", "gus", 1) + Row("B", "hal", 0), key);
        first.GetProperty("created").GetInt32().ShouldBe(1);
        first.GetProperty("rejected").GetInt32().ShouldBe(1);

        var second = await ImportAsync(client, Header + "\n" + Row("A", "gus", 3) + Row("B", "hal", 1), key);

        var orders = ByReference(second, run);
        orders["B"].GetProperty("result").GetString().ShouldBe("Created");
        orders["A"].GetProperty("result").GetString().ShouldBe("Rejected");
        orders["A"].GetProperty("rule").GetString().ShouldBe("ImportedWithOtherContent");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?email=gus-{run}@example.com", Ct)).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_a_400_problem_and_the_scope_is_required()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();

        var response = await PostAsync(client, "externalReference,sku,quantity\nX,CAB-2019-750,1\n");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("email");

        var readOnly = fixture.App.CreateApiClient(await ApiClients.CreateAsync(fixture.App, "orders:read"));
        (await PostAsync(readOnly, Header + "\n")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string csv, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders/import") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, string csv, string? key = null)
    {
        var response = await PostAsync(client, csv, key);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Orders of the report keyed by their reference without the run suffix ("R1-abc" → "R1").</summary>
    private static Dictionary<string, JsonElement> ByReference(JsonElement report, string run) =>
        report.GetProperty("orders").EnumerateArray().ToDictionary(o => o.GetProperty("externalReference").GetString()!.Replace($"-{run}", "", StringComparison.Ordinal));

    private static List<(int Line, string? Column)> Errors(JsonElement order)
    {
        order.GetProperty("result").GetString().ShouldBe("Rejected");
        return [.. order.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString()))];
    }
}

public sealed class OrderImportTestsOnSqlite(SqliteHostFixture fixture) : OrderImportTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class OrderImportTestsOnPostgres(PostgresHostFixture fixture) : OrderImportTests(fixture), IClassFixture<PostgresHostFixture>;
