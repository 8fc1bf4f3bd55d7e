using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using Shouldly;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>Two open orders of one customer to one address become one shipment; the original stays traceable.</summary>
public abstract class ConsolidateOrdersTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Merging_moves_the_lines_to_one_order_and_closes_the_other_as_merged_with_its_holds_released()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var reservedBefore = await Stock.ReservedAsync(client, "PN-2021-750");
        var first = await PlaceAsync(client, "merge@example.com", 2);
        var second = await PlaceAsync(client, "merge@example.com", 3);

        var merged = await MergeAsync(client, first, new { orderIds = new[] { second }, reason = "Ship together" });

        merged.StatusCode.ShouldBe(HttpStatusCode.OK, await merged.Content.ReadAsStringAsync(Ct));
        var target = await merged.Content.ReadFromJsonAsync<JsonElement>(Ct);
        target.GetProperty("lines").EnumerateArray().ShouldHaveSingleItem().GetProperty("quantity").GetInt32().ShouldBe(5);
        var other = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{second}", Ct);
        other.GetProperty("status").GetString().ShouldBe("Cancelled");
        other.GetProperty("mergedIntoOrderId").GetGuid().ShouldBe(first);

        await fixture.App.DispatchOutboxAsync();
        await fixture.App.DispatchOutboxAsync();
        (await Stock.ReservedAsync(client, "PN-2021-750")).ShouldBe(reservedBefore + 5);
    }

    [Fact]
    public async Task Orders_of_different_customers_are_not_merged()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var mine = await PlaceAsync(client, "mine@example.com", 1);
        var theirs = await PlaceAsync(client, "theirs@example.com", 1);

        var refused = await MergeAsync(client, mine, new { orderIds = new[] { theirs }, reason = "Oops" });

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{theirs}", Ct)).GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
    }

    private static async Task<Guid> PlaceAsync(HttpClient client, string email, int quantity)
    {
        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: email, sku: "PN-2021-750", quantity: quantity));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> MergeAsync(HttpClient client, Guid target, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{target}/consolidate") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request, Ct);
    }
}

public sealed class ConsolidateOrdersTestsOnSqlite(SqliteHostFixture fixture) : ConsolidateOrdersTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ConsolidateOrdersTestsOnPostgres(PostgresHostFixture fixture) : ConsolidateOrdersTests(fixture), IClassFixture<PostgresHostFixture>;
