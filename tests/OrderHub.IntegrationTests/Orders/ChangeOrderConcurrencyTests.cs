using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Inventory;
using Shouldly;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>
/// Concurrent changes and cancels of one order (API.md): one wins at a time, the others are 409 and leave nothing
/// behind, so the order's lines, its reservation and its authorization agree after any interleaving.
/// </summary>
public abstract class ChangeOrderConcurrencyTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A burst: the quantities the concurrent changes ask for, and where among them a cancel is sent (if at all).</summary>
    public sealed record Burst(int[] Quantities, int? CancelAt)
    {
        public override string ToString() => $"changes to [{string.Join(", ", Quantities)}]{(CancelAt is { } at ? $", cancel at {at}" : string.Empty)}";
    }

    private static readonly Arbitrary<Burst> Bursts =
        (from count in Gen.Choose(2, 12)
         from quantities in Gen.Choose(1, 6).ArrayOf(count)
         from cancel in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(0, count).Select(i => (int?)i)))
         select new Burst(quantities, cancel)).ToArbitrary();

    [Fact]
    public void Any_burst_of_concurrent_changes_and_a_cancel_leaves_lines_reservation_and_authorization_in_agreement()
    {
        fixture.RequireProvider();
        Prop.ForAll(Bursts, burst => RunBurstAsync(burst)).Check(Config.QuickThrowOnFailure.WithMaxTest(8).WithQuietOnSuccess(true));
    }

    [Fact]
    public async Task Twenty_concurrent_changes_of_one_order_win_one_at_a_time_and_the_losers_are_409()
    {
        fixture.RequireProvider();
        var answers = await RunBurstAsync(new Burst([.. Enumerable.Range(0, 20).Select(i => 1 + (i % 6))], null));
        answers.ShouldContain(HttpStatusCode.OK);
        answers.ShouldContain(HttpStatusCode.Conflict);
    }

    private async Task<HttpStatusCode[]> RunBurstAsync(Burst burst)
    {
        var client = fixture.App.CreateApiClient();
        var sku = InventoryApi.NewSku("RACE");
        await InventoryApi.CreateProductAsync(client, sku);
        await InventoryApi.ReceiveAsync(client, sku, 50);
        var email = $"race-{Guid.NewGuid().ToString("N")[..12]}@example.com";
        var placed = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: email, sku: sku, quantity: 2));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync(Ct));
        var id = (await placed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var requests = burst.Quantities.Select(q => (Func<Task<HttpResponseMessage>>)(() => ChangeAsync(client, id, sku, q))).ToList();
        if (burst.CancelAt is { } at)
        {
            requests.Insert(Math.Min(at, requests.Count), () => client.PostAsJsonAsync($"/api/v1/orders/{id}/cancel", new { reason = "Changed my mind" }, Ct));
        }

        var responses = await Task.WhenAll(requests.Select(r => Task.Run(r, Ct)));
        var answers = responses.Select(r => r.StatusCode).ToArray();
        answers.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict, $"{burst}: {string.Join(", ", answers)}");
        for (var i = 0; i < 10 && await fixture.App.DispatchOutboxAsync() > 0; i++)
        {
        }

        var order = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}", Ct);
        var (authorized, voided) = Payments(order);
        var reserved = await Stock.ReservedAsync(client, sku);
        if (order.GetProperty("status").GetString() == "Cancelled")
        {
            reserved.ShouldBe(0, burst.ToString());
            (authorized - voided).ShouldBe(0m, burst.ToString());
        }
        else
        {
            order.GetProperty("status").GetString().ShouldBe("ReadyToFulfill", burst.ToString());
            var quantity = order.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("quantity").GetInt32());
            reserved.ShouldBe(quantity, burst.ToString());
            (authorized - voided).ShouldBe(order.GetProperty("totals").GetProperty("total").GetDecimal(), burst.ToString());
        }

        return answers;
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, Guid id, string sku, int quantity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{id}/changes")
        {
            Content = JsonContent.Create(new { lines = new[] { new { sku, quantity } }, reason = $"Make it {quantity}" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(request, Ct);
    }

    private static (decimal Authorized, decimal Voided) Payments(JsonElement order)
    {
        var succeeded = order.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("status").GetString() == "Succeeded").ToList();
        decimal Sum(string type) => succeeded.Where(p => p.GetProperty("type").GetString() == type).Sum(p => p.GetProperty("amount").GetDecimal());
        return (Sum("Authorization"), Sum("Void"));
    }
}

public sealed class ChangeOrderConcurrencyTestsOnSqlite(SqliteHostFixture fixture) : ChangeOrderConcurrencyTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ChangeOrderConcurrencyTestsOnPostgres(PostgresHostFixture fixture) : ChangeOrderConcurrencyTests(fixture), IClassFixture<PostgresHostFixture>;
