using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using OrderHub.Modules.Inventory.Persistence;
using OrderHub.Modules.Orders.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>Order capture through HTTP: validation, idempotency, readable numbers, timeline.</summary>
public abstract class PlaceOrderTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_order_is_201_with_location_a_readable_number_and_a_timeline_entry()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var order = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var id = order.RootElement.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/orders/{id}");
        order.RootElement.GetProperty("number").GetString()!.ShouldMatch(@"^OH-\d{6,}$");
        var timeline = order.RootElement.GetProperty("timeline").EnumerateArray().ToList();
        timeline[0].GetProperty("event").GetString().ShouldBe("Received");
        timeline[0].GetProperty("actor").GetString().ShouldBe("api:Bootstrap client");

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        fetched.GetProperty("lines")[0].GetProperty("sku").GetString().ShouldBe("CAB-2019-750");
    }

    [Fact]
    public async Task Invalid_fields_are_400_with_errors_keyed_by_json_path()
    {
        fixture.RequireProvider();
        var body = new
        {
            channel = "Carrier pigeon",
            customer = new { email = "not-an-email", firstName = "", lastName = "L" },
            shippingAddress = new { line1 = "1 Main", city = "X", region = "ZZ", postalCode = "123", country = "US" },
            lines = new[] { new { sku = "CAB-2019-750", quantity = 0 } },
        };
        var response = await OrderHubApp.PlaceOrderAsync(fixture.App.CreateApiClient(), body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        errors.ShouldBe(
            ["channel", "customer.email", "customer.firstName", "shippingAddress.region", "shippingAddress.postalCode", "lines[0].quantity"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        fixture.RequireProvider();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = new StringContent("{\"channel\": \"Web\", \"lines\": [ { \"sku\": \"A\", \"quantity\": \"two\" } ] }", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await fixture.App.CreateApiClient().SendAsync(request, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("quantity");
    }

    [Fact]
    public async Task A_missing_idempotency_key_is_400()
    {
        fixture.RequireProvider();
        var response = await fixture.App.CreateApiClient().PostAsJsonAsync("/api/v1/orders", Infrastructure.Orders.ValidBody(), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Idempotency-Key");
    }

    [Fact]
    public async Task The_same_key_and_body_returns_the_same_order_and_another_body_is_409()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        var body = Infrastructure.Orders.ValidBody(email: "replay@example.com");

        var first = await OrderHubApp.PlaceOrderAsync(client, body, key);
        var replay = await OrderHubApp.PlaceOrderAsync(client, body, key);
        var other = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: "other@example.com"), key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Id(replay)).ShouldBe(await Id(first));
        other.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_retry_the_rules_now_refuse_still_gets_the_order_it_created()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku("GONE");
        await InventoryApi.CreateProductAsync(client, sku);
        var key = Guid.NewGuid().ToString();
        var body = Infrastructure.Orders.ValidBody(email: "withdrawn@example.com", sku: sku, quantity: 1);
        var first = await OrderHubApp.PlaceOrderAsync(client, body, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        // The wine is withdrawn from the catalog: a new order for it is refused, the web store's retry is not.
        await fixture.App.InScopeAsync(sp => sp.GetRequiredService<InventoryDbContext>().Products.Where(p => p.Sku == sku).ExecuteDeleteAsync(Ct));
        var retry = await OrderHubApp.PlaceOrderAsync(client, body, key);
        var fresh = await OrderHubApp.PlaceOrderAsync(client, body);

        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Id(retry)).ShouldBe(await Id(first));
        fresh.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_order_received_before_its_key_moved_to_the_pipeline_is_still_replayed_after_the_upgrade()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        var body = Infrastructure.Orders.ValidBody(email: "upgrade@example.com");
        var first = await OrderHubApp.PlaceOrderAsync(client, body, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var number = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("number").GetString()!;

        // Back to the schema before the move, with the key stored the old way (a row naming the order), then upgrade.
        await fixture.App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrdersDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var move = migrations.FindIndex(m => m.EndsWith("_ReceiptsOnIdempotentRequests", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[move - 1], Ct);
            var (records, requests, orders) = db.Database.IsSqlite()
                ? ("\"orders_IdempotencyRecords\"", "\"orders_IdempotentRequests\"", "\"orders_Orders\"")
                : ("orders.\"IdempotencyRecords\"", "orders.\"IdempotentRequests\"", "orders.\"Orders\"");
            var storeTheOldWay =
                $"INSERT INTO {records} (\"Key\", \"RequestHash\", \"OrderId\", \"CreatedAt\") " +
                $"SELECT r.\"Key\", r.\"Fingerprint\", (SELECT o.\"Id\" FROM {orders} o WHERE o.\"Number\" = {{0}}), r.\"CreatedAt\" FROM {requests} r WHERE r.\"Key\" = {{1}}";
            var forgetTheNewWay = $"DELETE FROM {requests} WHERE \"Key\" = {{0}}";
            await db.Database.ExecuteSqlRawAsync(storeTheOldWay, [number, key], Ct);
            await db.Database.ExecuteSqlRawAsync(forgetTheNewWay, [key], Ct);
            await migrator.MigrateAsync(cancellationToken: Ct);
            return 0;
        });

        var replay = await OrderHubApp.PlaceOrderAsync(client, body, key);
        var other = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: "someone-else@example.com"), key);

        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Id(replay)).ShouldBe(await Id(first));
        other.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Parallel_duplicates_with_one_key_create_one_order()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        var body = Infrastructure.Orders.ValidBody(email: "parallel@example.com");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => OrderHubApp.PlaceOrderAsync(client, body, key)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.OK);
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        (await Task.WhenAll(responses.Select(Id))).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Order_numbers_are_unique_under_concurrency()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody())));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var numbers = await Task.WhenAll(responses.Select(async r =>
            JsonDocument.Parse(await r.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("number").GetString()));
        numbers.Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public async Task A_key_without_the_orders_write_scope_is_403()
    {
        fixture.RequireProvider();
        var key = await ApiClients.CreateAsync(fixture.App, "orders:read");
        var response = await OrderHubApp.PlaceOrderAsync(fixture.App.CreateApiClient(key), Infrastructure.Orders.ValidBody());
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<Guid> Id(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
}

public sealed class PlaceOrderTestsOnSqlite(SqliteHostFixture fixture) : PlaceOrderTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PlaceOrderTestsOnPostgres(PostgresHostFixture fixture) : PlaceOrderTests(fixture), IClassFixture<PostgresHostFixture>;
