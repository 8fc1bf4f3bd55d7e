using FsCheck;
using FsCheck.Fluent;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;
using Shouldly;

namespace OrderHub.Modules.Orders.Tests.Domain.Orders;

/// <summary>
/// The order follows its shipments: each departure ships its lines and captures its share of the total, the last one
/// takes the remainder so the captures sum to the total to the cent, and the order is Delivered when all arrive.
/// </summary>
public sealed class ShipmentFollowingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_split_order_captures_each_shipments_share_and_the_last_takes_the_remainder()
    {
        var order = PackedOrder(); // 2 x 65.00 + 1 x 40.00 = 170.00, shipping 15.00, tax 12.50: total 197.50
        var napa = Guid.NewGuid();
        var sonoma = Guid.NewGuid();

        order.FollowShipment(Report(napa, "LabelCreated", hasLeft: false, (1, 2)), "shipping", Now).ShouldBeNull();
        var first = order.FollowShipment(Report(napa, "InTransit", hasLeft: true, (1, 2)), "shipping", Now);
        order.Status.ShouldBe(OrderStatus.PartiallyShipped);
        first.ShouldBe(151.03m); // 197.50 x 130 / 170 = 151.029…

        var second = order.FollowShipment(Report(sonoma, "Delivered", hasLeft: true, (2, 1)), "shipping", Now);
        second.ShouldBe(46.47m);
        (first + second).ShouldBe(order.Total);
        order.CapturedAmount.ShouldBe(197.50m);
        order.Status.ShouldBe(OrderStatus.Shipped);
        order.Lines.ShouldAllBe(l => l.Status == OrderStatus.Shipped);
    }

    [Fact]
    public void A_repeated_departure_captures_nothing_more_and_delivery_of_all_shipments_delivers_the_order()
    {
        var order = PackedOrder();
        var shipment = Guid.NewGuid();
        order.FollowShipment(Report(shipment, "InTransit", hasLeft: true, (1, 2), (2, 1)), "shipping", Now).ShouldBe(197.50m);

        order.FollowShipment(Report(shipment, "OutForDelivery", hasLeft: true, (1, 2), (2, 1)), "shipping", Now).ShouldBeNull();
        order.Status.ShouldBe(OrderStatus.Shipped);
        order.FollowShipment(Report(shipment, "Delivered", hasLeft: true, (1, 2), (2, 1)), "shipping", Now).ShouldBeNull();

        order.Status.ShouldBe(OrderStatus.Delivered);
        order.Shipments.ShouldHaveSingleItem().Status.ShouldBe("Delivered");
        order.Timeline.Select(t => t.Event).ShouldContain("InTransit");
        order.Timeline.Select(t => t.Event).ShouldContain("ShipmentDelivered");
        order.Timeline[^1].Event.ShouldBe("Delivered");
    }

    [Fact]
    public void Captures_sum_to_the_total_for_any_prices_and_any_split()
    {
        var cases =
            from prices in Gen.ArrayOf(Gen.Choose(1, 50_000), 3)
            from quantities in Gen.ArrayOf(Gen.Choose(1, 12), 3)
            from shipping in Gen.Choose(0, 5_000)
            from tax in Gen.Choose(0, 9_999)
            from parts in Gen.Choose(1, 3)
            select (prices, quantities, shipping, tax, parts);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var order = Order.Receive(
                new ReceiveOrder("OH-100003", OrderChannel.Web, null, new Customer("p@example.com", "P", "Q", new DateOnly(1980, 1, 1), null),
                    new Address("1 Main St", null, "Portland", "OR", "97201", "US"), null, ShippingService.Ground, "tok_visa", "USD",
                    [.. c.prices.Select((p, i) => new PricedLine($"SKU-{i}", c.quantities[i], p / 100m))], c.shipping / 100m, c.tax / 100m),
                "api:test", Now);
            order.MarkReadyToFulfill("system", Now);
            var captured = 0m;
            for (var part = 0; part < c.parts; part++)
            {
                var lines = Enumerable.Range(1, 3).Where(n => (n - 1) % c.parts == part).Select(n => (n, c.quantities[n - 1])).ToArray();
                captured += order.FollowShipment(Report(Guid.NewGuid(), "InTransit", hasLeft: true, lines), "shipping", Now) ?? 0m;
            }

            captured.ShouldBe(order.Total);
            order.Status.ShouldBe(OrderStatus.Shipped);
        }).QuickCheckThrowOnFailure();
    }

    private static ShipmentReport Report(Guid shipment, string status, bool hasLeft, params (int LineNumber, int Quantity)[] lines) =>
        new(shipment, Guid.NewGuid(), "UPS", "Ground", "1Z4A7Y96A800123453", status, hasLeft, Now, new DateOnly(2026, 12, 10), null, lines);

    private static Order PackedOrder()
    {
        var order = Order.Receive(
            new ReceiveOrder("OH-100002", OrderChannel.Web, null,
                new Customer("ada@example.com", "Ada", "Lovelace", new DateOnly(1985, 12, 10), null),
                new Address("1 Main St", null, "Portland", "OR", "97201", "US"), null, ShippingService.Ground, "tok_visa", "USD",
                [new PricedLine("CAB-2019-750", 2, 65m), new PricedLine("SUP-PN-2022-750", 1, 40m)], 15m, 12.5m),
            "api:test", Now);
        order.MarkReadyToFulfill("system:placement", Now);
        order.StartPicking("staff:picker", Now);
        order.MarkPacked("staff:packer", Now);
        return order;
    }
}
