using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Inventory.Domain.Stock;
using OrderHub.Modules.Inventory.Features.PullSupplierFeeds;
using OrderHub.Modules.Inventory.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>A host whose supplier <see cref="PulledSupplier"/> has a stock feed URL on a loopback port (served by the test).</summary>
public abstract class SupplierFeedHostFixture : HostFixture
{
    public const string PulledSupplier = "SUP-FEEDPULL";

    public const string Token = "feed-token";

    public int Port { get; } = FreePort();

    protected override OrderHubApp CreateApp(TestDatabase database) => new(database, new Dictionary<string, string?>
    {
        [$"OrderHub:SupplierFeeds:{PulledSupplier}:Url"] = $"http://127.0.0.1:{Port}/v1/stock",
        [$"OrderHub:SupplierFeeds:{PulledSupplier}:ApiToken"] = Token,
    });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteSupplierFeedHostFixture : SupplierFeedHostFixture
{
    protected override Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((TestDatabase.CreateSqlite(), null));
}

public sealed class PostgresSupplierFeedHostFixture : SupplierFeedHostFixture
{
    protected override async Task<(TestDatabase?, string?)> CreateDatabaseAsync() =>
        TestDatabase.PostgresServer is { } server
            ? (await TestDatabase.CreatePostgresAsync(server), null)
            : (null, $"No PostgreSQL server: set {TestDatabase.PostgresVariable} to an admin connection string (.ci/run starts one).");
}

/// <summary>
/// Supplier stock feeds (issue 21): a supplier's full available stock, pushed as JSON or CSV or pulled hourly, becomes
/// what sourcing sees at its Supplier location; reserved units stay reserved; stale feeds are ignored.
/// </summary>
public abstract class SupplierFeedTests(SupplierFeedHostFixture fixture)
{
    /// <summary>What the supplier's stock endpoint answered (recorded).</summary>
    internal const string RecordedStock = """
        {
          "asOf": "2026-12-05T09:00:00Z",
          "supplier": "SUP-FEEDPULL",
          "items": [
            { "sku": "FEEDPULL-CAB-21", "quantity": 36, "uom": "bottle" },
            { "sku": "FEEDPULL-ZIN-22", "quantity": 0, "uom": "bottle" },
            { "sku": "FEEDPULL-GONE", "quantity": 12, "uom": "bottle" }
          ]
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.App.CreateApiClient();

    [Fact]
    public async Task A_feed_sets_available_stock_keeps_reservations_zeroes_what_it_leaves_out_and_ignores_older_feeds()
    {
        fixture.RequireProvider();
        var supplier = await CreateLocationAsync("Supplier");
        var (cab, zin) = (InventoryApi.NewSku("FDA"), InventoryApi.NewSku("FDB"));
        await InventoryApi.CreateProductAsync(Client, cab);
        await InventoryApi.CreateProductAsync(Client, zin);

        var first = await PutJsonAsync(supplier, new { asOf = "2026-12-05T08:00:00Z", items = new[] { new { sku = cab, quantity = 10 }, new { sku = zin, quantity = 4 } } });
        first.GetProperty("applied").GetBoolean().ShouldBeTrue();
        (first.GetProperty("updated").GetInt32(), first.GetProperty("zeroed").GetInt32()).ShouldBe((2, 0));
        (await InventoryApi.AtAsync(Client, cab, supplier)).ShouldBe((10, 0, 10));
        (await InventoryApi.AtAsync(Client, zin, supplier)).ShouldBe((4, 0, 4));

        // A dropship order holds 3 (the supplier's is the only stock of this SKU).
        var reserved = await Client.PostAsJsonAsync("/api/v1/inventory/reservations",
            new { reservationKey = $"{cab}-order", channel = "Web", lines = new[] { new { sku = cab, quantity = 3 } } }, Ct);
        reserved.StatusCode.ShouldBe(HttpStatusCode.Created, await reserved.Content.ReadAsStringAsync(Ct));

        // The next feed: 6 available of the first, the second left out.
        var second = await PutJsonAsync(supplier, new { asOf = "2026-12-05T09:00:00Z", items = new[] { new { sku = cab, quantity = 6 } } });
        (second.GetProperty("updated").GetInt32(), second.GetProperty("unchanged").GetInt32(), second.GetProperty("zeroed").GetInt32()).ShouldBe((1, 0, 1));
        (await InventoryApi.AtAsync(Client, cab, supplier)).ShouldBe((9, 3, 6)); // the order's 3 stay reserved, 6 more to sell
        (await InventoryApi.AtAsync(Client, zin, supplier)).ShouldBe((0, 0, 0));

        // The same again changes nothing; an older one is ignored.
        var again = await PutJsonAsync(supplier, new { asOf = "2026-12-05T09:00:00Z", items = new[] { new { sku = cab, quantity = 6 } } });
        (again.GetProperty("applied").GetBoolean(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()).ShouldBe((true, 0, 1));
        var stale = await PutJsonAsync(supplier, new { asOf = "2026-12-05T07:00:00Z", items = new[] { new { sku = cab, quantity = 50 }, new { sku = zin, quantity = 50 } } });
        stale.GetProperty("applied").GetBoolean().ShouldBeFalse();
        (await InventoryApi.AtAsync(Client, cab, supplier)).ShouldBe((9, 3, 6));
        (await InventoryApi.AtAsync(Client, zin, supplier)).ShouldBe((0, 0, 0));

        // The ledger: one Adjustment per change, reason SupplierFeed, referenced to the feed.
        var ledger = await LedgerAsync(supplier);
        ledger.Select(m => (m.Sku, m.Quantity, m.Reference)).ShouldBe(
        [
            (cab, 10, $"supplier-feed:{supplier}:2026-12-05T08:00:00.000Z"),
            (zin, 4, $"supplier-feed:{supplier}:2026-12-05T08:00:00.000Z"),
            (cab, -1, $"supplier-feed:{supplier}:2026-12-05T09:00:00.000Z"),
            (zin, -4, $"supplier-feed:{supplier}:2026-12-05T09:00:00.000Z"),
        ], ignoreOrder: true);
        ledger.ShouldAllBe(m => m.Type == StockMovementType.Adjustment && m.Reason == "SupplierFeed");
    }

    [Fact]
    public async Task A_csv_feed_works_and_reports_unknown_skus()
    {
        fixture.RequireProvider();
        var supplier = await CreateLocationAsync("Supplier");
        var sku = InventoryApi.NewSku("FDC");
        await InventoryApi.CreateProductAsync(Client, sku);

        var response = await PutCsvAsync(supplier, $"sku,quantity\r\n{sku},5\r\nNO-SUCH-SKU-FEED,3\r\n", "2026-12-05T10:00:00Z");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        result.GetProperty("updated").GetInt32().ShouldBe(1);
        result.GetProperty("unknownSkus").EnumerateArray().Select(s => s.GetString()).ShouldBe(["NO-SUCH-SKU-FEED"]);
        result.GetProperty("asOf").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse("2026-12-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        (await InventoryApi.AtAsync(Client, sku, supplier)).ShouldBe((5, 0, 5));
    }

    [Fact]
    public async Task A_bad_csv_line_is_a_400_naming_the_line_and_changes_nothing()
    {
        fixture.RequireProvider();
        var supplier = await CreateLocationAsync("Supplier");
        var sku = InventoryApi.NewSku("FDD");
        await InventoryApi.CreateProductAsync(Client, sku);

        var response = await PutCsvAsync(supplier, $"sku,quantity\n{sku},5\n{sku}-2,lots\n", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("errors").GetProperty("line 3").EnumerateArray().Single().GetString()!.ShouldContain("Line 3, quantity");
        (await InventoryApi.AtAsync(Client, sku, supplier)).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Only_a_supplier_location_takes_a_feed()
    {
        fixture.RequireProvider();
        var warehouse = await CreateLocationAsync("Warehouse");
        var body = new { items = Array.Empty<object>() };

        var refused = await Client.PutAsJsonAsync($"/api/v1/inventory/supplier-feeds/{warehouse}", body, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Supplier location");

        (await Client.PutAsJsonAsync("/api/v1/inventory/supplier-feeds/NO-SUCH-PLACE", body, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client.PutAsJsonAsync($"/api/v1/inventory/supplier-feeds/{warehouse}", new { items = new[] { new { sku = "X", quantity = -1 } } }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_hourly_pull_reads_a_configured_supplier_and_applies_its_feed()
    {
        fixture.RequireProvider();
        await CreateLocationAsync("Supplier", SupplierFeedHostFixture.PulledSupplier);
        await InventoryApi.CreateProductAsync(Client, "FEEDPULL-CAB-21");
        await InventoryApi.CreateProductAsync(Client, "FEEDPULL-ZIN-22");
        await InventoryApi.ReceiveAsync(Client, "FEEDPULL-ZIN-22", 8, SupplierFeedHostFixture.PulledSupplier);
        var seen = new ConcurrentQueue<string>();
        await using var server = await StartFeedServerAsync(fixture.Port, seen);

        var applied = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<PullSupplierFeedsJob>().RunAsync(Ct));

        applied.ShouldBe(1);
        seen.ShouldBe([$"Bearer {SupplierFeedHostFixture.Token}"]);
        (await InventoryApi.AtAsync(Client, "FEEDPULL-CAB-21", SupplierFeedHostFixture.PulledSupplier)).ShouldBe((36, 0, 36));
        (await InventoryApi.AtAsync(Client, "FEEDPULL-ZIN-22", SupplierFeedHostFixture.PulledSupplier)).ShouldBe((0, 0, 0));
        (await LedgerAsync(SupplierFeedHostFixture.PulledSupplier)).Where(m => m.Reason == "SupplierFeed").Select(m => m.Reference).Distinct()
            .ShouldBe([$"supplier-feed:{SupplierFeedHostFixture.PulledSupplier}:2026-12-05T09:00:00.000Z"]);

        // The same recorded feed again: not stale (same asOf), nothing left to change.
        (await fixture.App.InScopeAsync(sp => sp.GetRequiredService<PullSupplierFeedsJob>().RunAsync(Ct))).ShouldBe(1);
        (await InventoryApi.AtAsync(Client, "FEEDPULL-CAB-21", SupplierFeedHostFixture.PulledSupplier)).ShouldBe((36, 0, 36));
    }

    private static async Task<WebApplication> StartFeedServerAsync(int port, ConcurrentQueue<string> seen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapGet("/v1/stock", (HttpRequest request) =>
        {
            seen.Enqueue(request.Headers.Authorization.ToString());
            return Results.Content(RecordedStock, "application/json", Encoding.UTF8);
        });
        await app.StartAsync(Ct);
        return app;
    }

    private async Task<string> CreateLocationAsync(string type, string? code = null)
    {
        code ??= $"SUP-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var created = await Client.PostAsJsonAsync("/api/v1/locations", new
        {
            code,
            name = "Feed test " + code,
            type,
            shipsToConsumers = true,
            address = new { line1 = "88 Gravenstein Hwy N", city = "Sebastopol", region = "CA", postalCode = "95472", country = "US" },
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        return code;
    }

    private async Task<JsonElement> PutJsonAsync(string supplier, object body)
    {
        var response = await Client.PutAsJsonAsync($"/api/v1/inventory/supplier-feeds/{supplier}", body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<HttpResponseMessage> PutCsvAsync(string supplier, string csv, string? asOf)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var query = asOf is null ? string.Empty : $"?asOf={Uri.EscapeDataString(asOf)}";
        return await Client.PutAsync($"/api/v1/inventory/supplier-feeds/{supplier}{query}", content, Ct);
    }

    private Task<List<StockMovement>> LedgerAsync(string location) =>
        fixture.App.InScopeAsync(sp => sp.GetRequiredService<InventoryDbContext>().StockMovements.AsNoTracking()
            .Where(m => m.LocationCode == location).OrderBy(m => m.Id).ToListAsync(Ct));
}

public sealed class SupplierFeedTestsOnSqlite(SqliteSupplierFeedHostFixture fixture) : SupplierFeedTests(fixture), IClassFixture<SqliteSupplierFeedHostFixture>;

public sealed class SupplierFeedTestsOnPostgres(PostgresSupplierFeedHostFixture fixture) : SupplierFeedTests(fixture), IClassFixture<PostgresSupplierFeedHostFixture>;
