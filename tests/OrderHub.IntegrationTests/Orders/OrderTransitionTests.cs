using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;
using Shouldly;

namespace OrderHub.IntegrationTests.Orders;

/// <summary>Every pair of statuses: the lifecycle of DOMAIN.md allows exactly these moves; all others are 409.</summary>
public sealed class OrderTransitionTests
{
    private static readonly (OrderStatus From, OrderStatus To)[] Lifecycle =
    [
        (OrderStatus.Received, OrderStatus.OnHold), (OrderStatus.Received, OrderStatus.Backordered),
        (OrderStatus.Received, OrderStatus.ReadyToFulfill), (OrderStatus.Received, OrderStatus.Cancelled),
        (OrderStatus.OnHold, OrderStatus.OnHold), (OrderStatus.OnHold, OrderStatus.Received), (OrderStatus.OnHold, OrderStatus.Backordered),
        (OrderStatus.OnHold, OrderStatus.ReadyToFulfill), (OrderStatus.OnHold, OrderStatus.Cancelled),
        (OrderStatus.Backordered, OrderStatus.OnHold), (OrderStatus.Backordered, OrderStatus.Received),
        (OrderStatus.Backordered, OrderStatus.ReadyToFulfill), (OrderStatus.Backordered, OrderStatus.Cancelled),
        (OrderStatus.ReadyToFulfill, OrderStatus.OnHold), (OrderStatus.ReadyToFulfill, OrderStatus.Received),
        (OrderStatus.ReadyToFulfill, OrderStatus.Picking), (OrderStatus.ReadyToFulfill, OrderStatus.Cancelled),
        (OrderStatus.ReadyToFulfill, OrderStatus.Delivered), // a carry-out sale handed over at the counter
        (OrderStatus.Picking, OrderStatus.Packed), (OrderStatus.Picking, OrderStatus.Cancelled),
        (OrderStatus.Packed, OrderStatus.Shipped), (OrderStatus.Packed, OrderStatus.PartiallyShipped), (OrderStatus.Packed, OrderStatus.Cancelled),
        (OrderStatus.PartiallyShipped, OrderStatus.Shipped),
        (OrderStatus.Shipped, OrderStatus.Delivered),
        (OrderStatus.Delivered, OrderStatus.Returned), (OrderStatus.Delivered, OrderStatus.PartiallyReturned),
        (OrderStatus.PartiallyReturned, OrderStatus.Returned),
    ];

    public static TheoryData<string, string> AllPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in Enum.GetNames<OrderStatus>())
        {
            foreach (var to in Enum.GetNames<OrderStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void A_move_is_allowed_exactly_when_the_lifecycle_has_it(string fromName, string toName)
    {
        var from = Enum.Parse<OrderStatus>(fromName);
        var to = Enum.Parse<OrderStatus>(toName);
        var expected = Lifecycle.Contains((from, to));
        OrderTransitions.CanMove(from, to).ShouldBe(expected);
        if (!expected && from != to)
        {
            Should.Throw<ConflictException>(() => OrderTransitions.EnsureCanMove("OH-1", from, to));
        }
    }

    [Fact]
    public void A_full_happy_path_lands_every_step_on_the_timeline_with_its_actor()
    {
        var now = DateTimeOffset.UtcNow;
        var order = NewOrder(now);
        order.MarkReadyToFulfill("system:placement", now);
        order.StartPicking("staff:picker@winery.test", now);
        order.MarkPacked("staff:packer@winery.test", now);
        order.Ship([1], "system:shipping", now);
        order.Status.ShouldBe(OrderStatus.PartiallyShipped);
        order.Ship([2], "system:shipping", now);
        order.Status.ShouldBe(OrderStatus.Shipped);
        order.MarkDelivered("system:carrier", now);

        order.Timeline.Select(t => t.Event).ShouldBe(["Received", "ReadyToFulfill", "PickingStarted", "Packed", "Shipped", "Shipped", "Delivered"]);
        order.Timeline[2].Actor.ShouldBe("staff:picker@winery.test");
        Should.Throw<ConflictException>(() => order.Cancel("too late", "staff:cs", now));
    }

    [Fact]
    public void Holds_block_fulfilment_until_released_and_release_resumes_placement()
    {
        var now = DateTimeOffset.UtcNow;
        var order = NewOrder(now);
        order.PlaceHold(HoldType.Fraud, "Billing and shipping countries differ", null, "staff:risk", now);
        order.PlaceHold(HoldType.Manual, "Customer asked to wait", null, "staff:cs", now);
        Should.Throw<ConflictException>(() => order.MarkReadyToFulfill("system", now));

        order.ReleaseHold(HoldType.Fraud, "Verified by phone", "staff:risk", now);
        order.Status.ShouldBe(OrderStatus.OnHold);
        order.ReleaseHold(HoldType.Manual, "Customer ready", "staff:cs", now);
        order.Status.ShouldBe(OrderStatus.Received);
        Should.Throw<ConflictException>(() => order.ReleaseHold(HoldType.Manual, "again", "staff:cs", now));
        order.MarkReadyToFulfill("system", now);
        order.Status.ShouldBe(OrderStatus.ReadyToFulfill);
    }

    [Fact]
    public void Totals_always_equal_their_parts()
    {
        var order = NewOrder(DateTimeOffset.UtcNow);
        order.Subtotal.ShouldBe(2 * 65m + 1 * 140m);
        order.Total.ShouldBe(order.Subtotal + order.ShippingCharge + order.Tax);
    }

    private static Order NewOrder(DateTimeOffset now) => Order.Receive(
        new ReceiveOrder("OH-100001", OrderChannel.Web, null,
            new Customer("ada@example.com", "Ada", "Lovelace", new DateOnly(1985, 12, 10), null),
            new Address("1 Main St", null, "Portland", "OR", "97201", "US"), null, ShippingService.Ground, "tok_visa", "USD",
            [new PricedLine("CAB-2019-750", 2, 65m), new PricedLine("CAB-2019-1500", 1, 140m)], 15m, 12.5m),
        "api:test", now);
}
