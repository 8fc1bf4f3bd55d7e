using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;
using Shouldly;

namespace OrderHub.Modules.Orders.Tests.Domain.Orders;

/// <summary>The order lifecycle (DOMAIN.md "Order lifecycle") walked through the aggregate's own methods.</summary>
public sealed class OrderTransitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_full_happy_path_lands_every_step_on_the_timeline_with_its_actor()
    {
        var order = NewOrder();
        order.MarkReadyToFulfill("system:placement", Now);
        order.StartPicking("staff:picker@winery.test", Now);
        order.MarkPacked("staff:packer@winery.test", Now);
        order.Ship([1], "system:shipping", Now);
        order.Status.ShouldBe(OrderStatus.PartiallyShipped);
        order.Lines.Select(l => l.Status).ShouldBe([OrderStatus.Shipped, OrderStatus.Packed]);
        order.Ship([2], "system:shipping", Now);
        order.Status.ShouldBe(OrderStatus.Shipped);
        order.MarkDelivered("system:carrier", Now);

        order.Status.ShouldBe(OrderStatus.Delivered);
        order.Timeline.Select(t => (t.Event, t.Actor)).ShouldBe(
        [
            ("Received", "api:test"), ("ReadyToFulfill", "system:placement"), ("PickingStarted", "staff:picker@winery.test"),
            ("Packed", "staff:packer@winery.test"), ("Shipped", "system:shipping"), ("Shipped", "system:shipping"),
            ("Delivered", "system:carrier"),
        ]);
    }

    [Fact]
    public void Holds_block_fulfilment_until_every_one_is_released_and_release_resumes_placement()
    {
        var order = NewOrder();
        order.PlaceHold(new StaffHoldRule(HoldType.Fraud, "Billing and shipping countries differ"), "staff:risk", Now);
        order.PlaceHold(new StaffHoldRule(HoldType.Manual, "Customer asked to wait"), "staff:cs", Now);
        order.Status.ShouldBe(OrderStatus.OnHold);
        Should.Throw<ConflictException>(() => order.MarkReadyToFulfill("system", Now));

        order.ReleaseHold(HoldType.Fraud, "Verified by phone", "staff:risk", Now);
        order.Status.ShouldBe(OrderStatus.OnHold);
        order.ReleaseHold(HoldType.Manual, "Customer ready", "staff:cs", Now);
        order.Status.ShouldBe(OrderStatus.Received);
        Should.Throw<ConflictException>(() => order.ReleaseHold(HoldType.Manual, "again", "staff:cs", Now));
        order.MarkReadyToFulfill("system", Now);

        order.Status.ShouldBe(OrderStatus.ReadyToFulfill);
        order.Timeline.Where(t => t.Event is "HoldPlaced" or "HoldReleased").Select(t => t.Actor)
            .ShouldBe(["staff:risk", "staff:cs", "staff:risk", "staff:cs"]);
    }

    [Fact]
    public void A_backordered_order_waits_for_its_stock_then_placement_resumes()
    {
        var order = NewOrder();
        order.MarkBackordered("CAB-2019-750 short by 2", Now.AddDays(10), "system:inventory", Now);

        order.Status.ShouldBe(OrderStatus.Backordered);
        order.Timeline[^1].Detail.ShouldContain("2026-12-15");
        Should.Throw<ConflictException>(() => order.MarkReadyToFulfill("system:placement", Now));

        order.LeaveBackorder("Stock allocated", "system:inventory", Now).ShouldBeTrue();
        order.Status.ShouldBe(OrderStatus.Received);
        order.LeaveBackorder("Stock allocated", "system:inventory", Now).ShouldBeFalse();
        order.MarkReadyToFulfill("system:placement", Now);
        order.Status.ShouldBe(OrderStatus.ReadyToFulfill);
    }

    [Fact]
    public void No_step_can_be_skipped_and_a_refused_step_changes_nothing()
    {
        var order = NewOrder();
        Should.Throw<ConflictException>(() => order.StartPicking("staff", Now));
        Should.Throw<ConflictException>(() => order.MarkPacked("staff", Now));
        Should.Throw<ConflictException>(() => order.Ship([1, 2], "system", Now));
        Should.Throw<ConflictException>(() => order.MarkDelivered("system", Now));
        order.MarkReadyToFulfill("system:placement", Now);
        Should.Throw<ConflictException>(() => order.MarkPacked("staff", Now));
        order.Lines.ShouldAllBe(l => l.Status == OrderStatus.ReadyToFulfill);
        Should.Throw<ConflictException>(() => order.MarkDelivered("system", Now)); // (a supplier may ship a ready order: DropshipTransitionTests)

        order.Status.ShouldBe(OrderStatus.ReadyToFulfill);
        order.Timeline.Select(t => t.Event).ShouldBe(["Received", "ReadyToFulfill"]);
    }

    [Fact]
    public void A_carry_out_order_is_handed_over_from_ready_to_delivered()
    {
        var order = NewOrder(ShippingService.Pickup);
        Should.Throw<ConflictException>(() => order.HandOver("pos:tasting-room", Now)); // not paid and ready yet
        order.MarkReadyToFulfill("system:placement", Now);

        order.HandOver("pos:tasting-room", Now);

        order.Status.ShouldBe(OrderStatus.Delivered);
        order.Lines.ShouldAllBe(l => l.Status == OrderStatus.Delivered);
        order.Timeline[^1].Event.ShouldBe("HandedOver");
        order.Timeline[^1].Actor.ShouldBe("pos:tasting-room");
    }

    [Fact]
    public void An_order_that_ships_cannot_be_handed_over_at_the_counter()
    {
        var order = NewOrder(ShippingService.Ground);
        order.MarkReadyToFulfill("system:placement", Now);

        Should.Throw<ConflictException>(() => order.HandOver("pos:tasting-room", Now));
        Should.Throw<ConflictException>(() => order.MarkDelivered("system:carrier", Now)); // delivered only once shipped

        order.Status.ShouldBe(OrderStatus.ReadyToFulfill);
    }

    [Theory]
    [InlineData("Received")]
    [InlineData("OnHold")]
    [InlineData("Backordered")]
    [InlineData("ReadyToFulfill")]
    [InlineData("Picking")]
    [InlineData("Packed")]
    public void An_order_not_yet_shipped_can_be_cancelled_and_its_holds_end(string stage)
    {
        var order = OrderAt(stage);

        order.Cancel("Customer changed their mind", "staff:cs", Now).ShouldBeTrue();

        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.Lines.ShouldAllBe(l => l.Status == OrderStatus.Cancelled);
        order.ActiveHolds.ShouldBeEmpty();
        order.Timeline[^1].Event.ShouldBe("Cancelled");
        order.Timeline[^1].Actor.ShouldBe("staff:cs");
        Should.Throw<ConflictException>(() => order.MarkReadyToFulfill("system:placement", Now));
    }

    [Theory]
    [InlineData("PartiallyShipped")]
    [InlineData("Shipped")]
    [InlineData("Delivered")]
    public void An_order_that_has_shipped_cannot_be_cancelled(string stage)
    {
        var order = OrderAt(stage);

        Should.Throw<ConflictException>(() => order.Cancel("Too late", "staff:cs", Now));

        order.Status.ToString().ShouldBe(stage);
        order.Timeline[^1].Event.ShouldNotBe("Cancelled");
    }

    [Fact]
    public void Cancelling_a_cancelled_order_changes_nothing()
    {
        var order = NewOrder();
        order.Cancel("Duplicate", "staff:cs", Now).ShouldBeTrue();
        var version = order.Version;

        order.Cancel("Duplicate again", "staff:cs", Now.AddMinutes(1)).ShouldBeFalse();

        order.Status.ShouldBe(OrderStatus.Cancelled);
        order.Version.ShouldBe(version);
        order.Timeline.Count(t => t.Event == "Cancelled").ShouldBe(1);
    }

    [Theory]
    [InlineData("Received")]
    [InlineData("OnHold")]
    [InlineData("ReadyToFulfill")]
    public void Lines_and_address_change_before_picking(string stage)
    {
        var order = OrderAt(stage);
        var seattle = new Address("2 Pike St", null, "Seattle", "WA", "98101", "US");

        order.ApplyChange([new PricedLine("CAB-2019-750", 6, 65m)], seattle, 20m, 30m, "Customer wants a half case", "staff:cs", Now);

        order.Lines.Select(l => (l.Sku, l.Quantity)).ShouldBe([("CAB-2019-750", 6)]);
        order.ShippingAddress.ShouldBe(seattle);
        order.Total.ShouldBe((6 * 65m) + 20m + 30m);
        order.Timeline[^1].Event.ShouldBe("Changed");
        order.Timeline[^1].Actor.ShouldBe("staff:cs");
    }

    [Theory]
    [InlineData("Picking")]
    [InlineData("Packed")]
    [InlineData("Shipped")]
    public void Lines_and_address_do_not_change_once_picking_started(string stage)
    {
        var order = OrderAt(stage);
        var total = order.Total;

        Should.Throw<ConflictException>(() => order.ApplyChange([new PricedLine("CAB-2019-750", 6, 65m)],
            new Address("2 Pike St", null, "Seattle", "WA", "98101", "US"), 20m, 30m, "Too late", "staff:cs", Now));

        order.Lines.Count.ShouldBe(2);
        order.ShippingAddress.City.ShouldBe("Portland");
        order.Total.ShouldBe(total);
    }

    [Fact]
    public void An_order_being_changed_refuses_cancel_hold_release_and_another_change()
    {
        var order = OrderAt("OnHold");
        order.StartChange(Now);

        var later = Now + Order.ChangeLease - TimeSpan.FromSeconds(1);
        Should.Throw<ConflictException>(() => order.Cancel("Customer called", "staff:cs", later));
        Should.Throw<ConflictException>(() => order.ReleaseHold(HoldType.Manual, "Customer ready", "staff:cs", later));
        Should.Throw<ConflictException>(() => order.StartChange(later));

        order.Status.ShouldBe(OrderStatus.OnHold);
        order.HasActiveHold(HoldType.Manual).ShouldBeTrue();
    }

    [Fact]
    public void A_change_that_ended_or_whose_lease_expired_no_longer_blocks()
    {
        var ended = OrderAt("OnHold");
        ended.StartChange(Now);
        ended.EndChange();
        ended.StartChange(Now); // the next change may start at once
        ended.EndChange();
        ended.ReleaseHold(HoldType.Manual, "Customer ready", "staff:cs", Now);
        ended.Status.ShouldBe(OrderStatus.Received);

        var abandoned = OrderAt("OnHold");
        abandoned.StartChange(Now); // the host died mid-change
        var afterLease = Now + Order.ChangeLease + TimeSpan.FromSeconds(1);
        abandoned.StartChange(afterLease);
        abandoned.EndChange();
        abandoned.Cancel("Customer called", "staff:cs", afterLease).ShouldBeTrue();
        abandoned.Status.ShouldBe(OrderStatus.Cancelled);
    }

    [Fact]
    public void Totals_always_equal_their_parts()
    {
        var order = NewOrder();
        order.Subtotal.ShouldBe((2 * 65m) + (1 * 140m));
        order.Total.ShouldBe(order.Subtotal + 15m + 12.5m);

        order.SetCharges(0m, 21.6m);
        order.Total.ShouldBe(order.Subtotal + 21.6m);
    }

    /// <summary>An order brought to the stage through the same methods placement, the warehouse and the carrier use.</summary>
    private static Order OrderAt(string stage)
    {
        var order = NewOrder();
        Action<Order>[] path =
        [
            o => o.MarkReadyToFulfill("system:placement", Now),
            o => o.StartPicking("staff:picker", Now),
            o => o.MarkPacked("staff:packer", Now),
            o => o.Ship([1], "system:shipping", Now),
            o => o.Ship([2], "system:shipping", Now),
            o => o.MarkDelivered("system:carrier", Now),
        ];
        switch (stage)
        {
            case "OnHold":
                order.PlaceHold(new StaffHoldRule(HoldType.Manual, "Customer asked to wait"), "staff:cs", Now);
                break;
            case "Backordered":
                order.MarkBackordered("CAB-2019-750 short by 2", Now.AddDays(10), "system:inventory", Now);
                break;
            default:
                foreach (var step in path)
                {
                    if (order.Status.ToString() == stage)
                    {
                        break;
                    }

                    step(order);
                }

                break;
        }

        order.Status.ToString().ShouldBe(stage);
        return order;
    }

    private static Order NewOrder(ShippingService service = ShippingService.Ground) => Order.Receive(
        new ReceiveOrder("OH-100001", service == ShippingService.Pickup ? OrderChannel.Pos : OrderChannel.Web, null,
            new Customer("ada@example.com", "Ada", "Lovelace", new DateOnly(1985, 12, 10), null),
            new Address("1 Main St", null, "Portland", "OR", "97201", "US"), null, service, "tok_visa", "USD",
            [new PricedLine("CAB-2019-750", 2, 65m), new PricedLine("CAB-2019-1500", 1, 140m)], 15m, 12.5m),
        "api:test", Now);
}
