using System.Net;
using System.Text;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using Serilog.Events;
using Shouldly;

namespace OrderHub.IntegrationTests.Host;

/// <summary>
/// Serilog's <c>AddSerilog</c> writes through the static <c>Log.Logger</c>, which the last host started in this process
/// owns: these classes run alone (not beside other hosts), so each captures its own host's events.
/// </summary>
[CollectionDefinition(nameof(LogNoiseRunsAlone), DisableParallelization = true)]
public sealed class LogNoiseRunsAlone;

/// <summary>
/// What the host logs at its production level (Information), read through a captured sink: expected conflicts are not
/// errors, and an import logs a summary and progress, not a line (or ten) per row, while a single API request still
/// logs its command.
/// </summary>
public abstract class LogNoiseTests(LoggedHostFixture fixture)
{
    private const string OrderHeader =
        "externalReference,email,firstName,lastName,dateOfBirth,phone,line1,line2,city,region,postalCode,country,shippingService,sku,quantity,paymentToken";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parallel_requests_with_one_idempotency_key_log_no_error()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var body = Infrastructure.Orders.ValidBody(email: "race@example.com");

        for (var round = 0; round < 3; round++)
        {
            var mark = fixture.Logs.Count;
            var key = Guid.NewGuid().ToString();
            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => OrderHubApp.PlaceOrderAsync(client, body, key)));

            responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
            responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
            var errors = fixture.Logs.Since(mark).Where(e => e.Level >= LogEventLevel.Error).ToList();
            errors.ShouldBeEmpty(LogCapture.Describe(errors));
        }
    }

    [Fact]
    public async Task Parallel_idempotent_commands_with_one_key_log_no_error()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku("RACE");
        await InventoryApi.CreateProductAsync(client, sku);

        for (var round = 0; round < 3; round++)
        {
            var mark = fixture.Logs.Count;
            var key = Guid.NewGuid().ToString();
            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inventory/receipts")
                {
                    Content = new StringContent(JsonSerializer.Serialize(new { locationCode = "NAPA-WH", sku, quantity = 2 }), Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Idempotency-Key", key);
                return await client.SendAsync(request, Ct);
            }));

            responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
            var errors = fixture.Logs.Since(mark).Where(e => e.Level >= LogEventLevel.Error).ToList();
            errors.ShouldBeEmpty(LogCapture.Describe(errors));
        }

        (await InventoryApi.AtAsync(client, sku, "NAPA-WH")).OnHand.ShouldBe(6);
    }

    [Fact]
    public async Task A_2000_row_product_import_logs_a_summary_not_a_line_per_row()
    {
        fixture.RequireProvider();
        var prefix = InventoryApi.NewSku("LOG")[..12];
        var csv = new StringBuilder("sku,name,price,currency\n");
        for (var i = 0; i < 2000; i++)
        {
            csv.Append(prefix).Append('-').Append(i).Append(",Wine ").Append(i).Append(",10.00,USD\n");
        }

        var mark = fixture.Logs.Count;
        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        var response = await fixture.App.CreateApiClient().PostAsync("/api/v1/products/import", content, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32().ShouldBe(2000);
        var events = fixture.Logs.Since(mark);
        events.Count.ShouldBeLessThanOrEqualTo(20, LogCapture.Describe(events.Take(40)));
        events.ShouldContain(e => e.RenderMessage().Contains("2000 row(s) applied", StringComparison.Ordinal), LogCapture.Describe(events));
    }

    [Fact]
    public async Task An_order_import_logs_a_summary_not_lines_per_order()
    {
        fixture.RequireProvider();
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder(OrderHeader).Append('\n');
        for (var i = 0; i < 25; i++)
        {
            csv.Append($"L{i}-{run},log{i}-{run}@example.com,Lo,Gger{i}-{run},1980-01-01,,{i + 1} Log St,,Portland,OR,97201,US,Ground,CHD-2022-750,1,tok_visa\n");
        }

        var mark = fixture.Logs.Count;
        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        var response = await fixture.App.CreateApiClient().PostAsync("/api/v1/orders/import", content, Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        JsonDocument.Parse(body).RootElement.GetProperty("created").GetInt32().ShouldBe(25);
        var events = fixture.Logs.Since(mark);
        events.Count.ShouldBeLessThanOrEqualTo(10, LogCapture.Describe(events.Take(60)));
        events.ShouldContain(e => e.RenderMessage().StartsWith("Order import finished", StringComparison.Ordinal), LogCapture.Describe(events));
    }

    [Fact]
    public async Task A_single_api_request_still_logs_its_command_at_information()
    {
        fixture.RequireProvider();
        var mark = fixture.Logs.Count;
        var response = await OrderHubApp.PlaceOrderAsync(fixture.App.CreateApiClient(), Infrastructure.Orders.ValidBody(email: "single@example.com"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var events = fixture.Logs.Since(mark);
        events.ShouldContain(
            e => e.Level == LogEventLevel.Information && e.MessageTemplate.Text.StartsWith("Handled ", StringComparison.Ordinal)
                && e.Properties["MessageName"].ToString() == "\"PlaceOrderCommand\"",
            LogCapture.Describe(events));
    }
}

[Collection(nameof(LogNoiseRunsAlone))]
public sealed class LogNoiseTestsOnSqlite(SqliteLoggedHostFixture fixture) : LogNoiseTests(fixture), IClassFixture<SqliteLoggedHostFixture>;

[Collection(nameof(LogNoiseRunsAlone))]
public sealed class LogNoiseTestsOnPostgres(PostgresLoggedHostFixture fixture) : LogNoiseTests(fixture), IClassFixture<PostgresLoggedHostFixture>;
