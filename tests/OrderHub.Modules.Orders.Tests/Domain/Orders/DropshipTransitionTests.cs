using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;
using Shouldly;

namespace OrderHub.Modules.Orders.Tests.Domain.Orders;

/// <summary>A supplier ships its dropship part without our picking or packing: the order's lines of that part ship from ready on.</summary>
public sealed class DropshipTransitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_dropship_only_order_goes_from_ready_to_shipped_with_the_carrier_and_tracking_on_the_timeline()
    {
        var order = ReadyOrder();

        order.ShipBySupplier([1, 2], "SUPPLIER-SON", "UPS", "1Z4A7Y96A800123453", "staff:ops", Now);

        order.Status.ShouldBe(OrderStatus.Shipped);
        order.Lines.ShouldAllBe(l => l.Status == OrderStatus.Shipped);
        order.Timeline.Select(t => t.Event).ShouldBe(["Received", "ReadyToFulfill", "ShippedBySupplier", "Shipped"]);
        var shipped = order.Timeline[^2];
        shipped.Detail.ShouldBe("SUPPLIER-SON shipped line(s) 1, 2 with UPS 1Z4A7Y96A800123453");
        shipped.Actor.ShouldBe("staff:ops");
    }

    [Fact]
    public void A_mixed_order_whose_supplier_ships_first_is_partially_shipped_then_shipped_with_the_warehouse_part()
    {
        var order = ReadyOrder();

        order.ShipBySupplier([2], "SUPPLIER-SON", "FedEx", "612345678902", "supplier:son", Now);
        order.Status.ShouldBe(OrderStatus.PartiallyShipped);
        order.Lines.Select(l => l.Status).ShouldBe([OrderStatus.ReadyToFulfill, OrderStatus.Shipped]);

        order.RecordPickingStarted("NAPA-WH on pick list PL-000001", "staff:picker", Now); // the warehouse part: on the timeline only
        order.RecordPacked("Packed at NAPA-WH", allPacked: true, "staff:packer", Now);
        order.Status.ShouldBe(OrderStatus.PartiallyShipped);
        order.Ship([1], "system:shipping", Now);

        order.Status.ShouldBe(OrderStatus.Shipped);
        order.Lines.ShouldAllBe(l => l.Status == OrderStatus.Shipped);
    }

    [Theory]
    [InlineData("Picking")]
    [InlineData("Packed")]
    public void A_supplier_part_ships_while_the_warehouse_part_is_picked_or_packed(string stage)
    {
        var order = ReadyOrder();
        order.StartPicking("staff:picker", Now);
        if (stage == "Packed")
        {
            order.MarkPacked("staff:packer", Now);
        }

        order.ShipBySupplier([2], "SUPPLIER-SON", "UPS", "1Z5R89390357567127", "supplier:son", Now);

        order.Status.ShouldBe(OrderStatus.PartiallyShipped);
        order.Lines[1].Status.ShouldBe(OrderStatus.Shipped);
        order.Ship([1], "system:shipping", Now);
        order.Status.ShouldBe(OrderStatus.Shipped);
    }

    [Fact]
    public void Nothing_ships_before_the_order_is_ready_or_once_it_is_cancelled()
    {
        var received = NewOrder();
        Should.Throw<ConflictException>(() => received.ShipBySupplier([1], "SUPPLIER-SON", "UPS", "1Z4A7Y96A800123453", "supplier:son", Now));
        received.Status.ShouldBe(OrderStatus.Received);

        var cancelled = ReadyOrder();
        cancelled.Cancel("Customer changed their mind", "staff:cs", Now);
        Should.Throw<ConflictException>(() => cancelled.ShipBySupplier([1], "SUPPLIER-SON", "UPS", "1Z4A7Y96A800123453", "supplier:son", Now));
        cancelled.Status.ShouldBe(OrderStatus.Cancelled);
        cancelled.Timeline[^1].Event.ShouldBe("Cancelled");
    }

    private static Order ReadyOrder()
    {
        var order = NewOrder();
        order.MarkReadyToFulfill("system:placement", Now);
        return order;
    }

    private static Order NewOrder() => Order.Receive(
        new ReceiveOrder("OH-100002", OrderChannel.Web, null,
            new Customer("ada@example.com", "Ada", "Lovelace", new DateOnly(1985, 12, 10), null),
            new Address("1 Main St", null, "Portland", "OR", "97201", "US"), null, ShippingService.Ground, "tok_visa", "USD",
            [new PricedLine("CAB-2019-750", 2, 65m), new PricedLine("SUP-PN-2022-750", 1, 40m)], 15m, 12.5m),
        "api:test", Now);
}
