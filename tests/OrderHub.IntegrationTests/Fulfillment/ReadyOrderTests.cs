using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Modules.Fulfillment.Persistence;
using Shouldly;

namespace OrderHub.IntegrationTests.Fulfillment;

/// <summary>An order that becomes ReadyToFulfill reaches Fulfillment through the outbox, once, with what sourcing needs.</summary>
public abstract class ReadyOrderTests(HostFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ready_order_reaches_fulfillment_once_with_its_lines_and_destination()
    {
        fixture.RequireProvider();
        var client = fixture.App.CreateApiClient();
        var response = await OrderHubApp.PlaceOrderAsync(client, Infrastructure.Orders.ValidBody(email: "to-fulfil@example.com", sku: "CHD-2022-750", quantity: 2));
        using var placed = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        placed.RootElement.GetProperty("status").GetString().ShouldBe("ReadyToFulfill");
        var id = placed.RootElement.GetProperty("id").GetGuid();

        await fixture.App.DispatchOutboxAsync();
        await fixture.App.DispatchOutboxAsync(); // a second sweep delivers nothing twice

        var orders = await fixture.App.InScopeAsync(sp => sp.GetRequiredService<FulfillmentDbContext>().OrdersToFulfill
            .Include(o => o.Lines).Where(o => o.OrderId == id).ToListAsync(Ct));
        var order = orders.ShouldHaveSingleItem();
        order.OrderNumber.ShouldBe(placed.RootElement.GetProperty("number").GetString());
        order.ShipTo.Region.ShouldBe("OR");
        order.ShipTo.PostalCode.ShouldBe("97201");
        order.AdultSignatureRequired.ShouldBeTrue();
        order.Lines.Select(l => (l.LineNumber, l.Sku, l.Quantity)).ShouldBe([(1, "CHD-2022-750", 2)]);
    }
}

public sealed class ReadyOrderTestsOnSqlite(SqliteHostFixture fixture) : ReadyOrderTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class ReadyOrderTestsOnPostgres(PostgresHostFixture fixture) : ReadyOrderTests(fixture), IClassFixture<PostgresHostFixture>;
