using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;
using Shouldly;

namespace OrderHub.Modules.Orders.Tests.Domain.Orders;

/// <summary>What a reship may send again: only units that left, only from an order that shipped and was not carried out.</summary>
public sealed class ReshipLinesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_lines_a_reship_sends_every_unit_that_left_in_line_order()
    {
        var order = Shipped();

        order.ReshipLines(null).ShouldBe([("CAB-2019-750", 2), ("SUP-PN-2022-750", 1)]);
        order.ReshipLines([]).ShouldBe([("CAB-2019-750", 2), ("SUP-PN-2022-750", 1)]);
    }

    [Fact]
    public void Chosen_lines_up_to_what_shipped_are_sent_as_chosen()
    {
        Shipped().ReshipLines([("SUP-PN-2022-750", 1), ("CAB-2019-750", 1)]).ShouldBe([("SUP-PN-2022-750", 1), ("CAB-2019-750", 1)]);
    }

    [Fact]
    public void More_than_shipped_or_a_sku_not_on_the_order_breaks_the_rule()
    {
        var order = Shipped();

        var tooMany = Should.Throw<BusinessRuleViolationException>(() => order.ReshipLines([("CAB-2019-750", 3)]));
        tooMany.Rule.ShouldBe(nameof(ReshipMustNotExceedShippedRule));
        tooMany.Message.ShouldBe("Cannot reship 3 × CAB-2019-750: order OH-100002 shipped 2.");
        Should.Throw<BusinessRuleViolationException>(() => order.ReshipLines([("ROSE-2024-750", 1)]))
            .Message.ShouldBe("Order OH-100002 shipped no ROSE-2024-750; a reship sends again only what the order shipped.");
    }

    [Fact]
    public void Of_a_partly_shipped_order_only_the_units_that_left_are_sent_again()
    {
        var order = Packed();
        order.FollowShipment(
            new ShipmentReport(Guid.NewGuid(), Guid.NewGuid(), "UPS", "Ground", "1Z4A7Y96A800123453", "InTransit", true, Now, null, null, [(1, 2)]),
            "shipping", Now);
        order.Status.ShouldBe(OrderStatus.PartiallyShipped);

        order.ReshipLines(null).ShouldBe([("CAB-2019-750", 2)]);
        Should.Throw<BusinessRuleViolationException>(() => order.ReshipLines([("SUP-PN-2022-750", 1)]));
    }

    [Fact]
    public void An_order_that_has_not_shipped_is_a_conflict_and_a_carry_out_breaks_the_rule()
    {
        Should.Throw<ConflictException>(() => Packed().ReshipLines(null))
            .Message.ShouldBe("Order OH-100002 is Packed; only an order that has shipped (Shipped, PartiallyShipped or Delivered) can be reshipped.");

        var carriedOut = Receive(ShippingService.Pickup);
        carriedOut.MarkReadyToFulfill("system:placement", Now);
        carriedOut.HandOver("system:placement", Now);
        Should.Throw<BusinessRuleViolationException>(() => carriedOut.ReshipLines(null)).Rule.ShouldBe(nameof(CarryOutIsNotReshippedRule));
    }

    [Fact]
    public void Both_orders_name_each_other_on_their_timelines_and_the_reference_links_them()
    {
        var original = Shipped();
        var replacement = Receive(ShippingService.Ground, ReshipReferences.For(original.Number));

        original.RecordReshipped("OH-100009", "1 × CAB-2019-750", "Broken in transit", "staff:cs@example.com", Now);
        replacement.RecordReplacementFor(original.Number, "Broken in transit", "staff:cs@example.com", Now);

        original.Timeline[^1].Event.ShouldBe(Order.ReshippedEvent);
        original.Timeline[^1].Detail.ShouldBe("Reshipped as OH-100009 (1 × CAB-2019-750) at no charge: Broken in transit");
        replacement.Timeline[^1].Detail.ShouldBe("Replacement for OH-100002 at no charge: Broken in transit");
        replacement.IsReplacement.ShouldBeTrue();
        original.IsReplacement.ShouldBeFalse();
        ReshipReferences.OriginalNumberOf(replacement.ExternalReference).ShouldBe("OH-100002");
        ReshipReferences.IsReserved(" Reship:OH-1").ShouldBeTrue();
        ReshipReferences.IsReserved("WEB-1").ShouldBeFalse();
    }

    private static Order Shipped()
    {
        var order = Packed();
        order.Ship([1, 2], "shipping", Now);
        order.Status.ShouldBe(OrderStatus.Shipped);
        return order;
    }

    private static Order Packed()
    {
        var order = Receive(ShippingService.Ground);
        order.MarkReadyToFulfill("system:placement", Now);
        order.StartPicking("staff:picker", Now);
        order.MarkPacked("staff:packer", Now);
        return order;
    }

    private static Order Receive(ShippingService service, string? externalReference = null) =>
        Order.Receive(
            new ReceiveOrder("OH-100002", OrderChannel.Web, externalReference,
                new Customer("ada@example.com", "Ada", "Lovelace", new DateOnly(1985, 12, 10), null),
                new Address("1 Main St", null, "Portland", "OR", "97201", "US"), null, service, "tok_visa", "USD",
                [new PricedLine("CAB-2019-750", 2, 65m), new PricedLine("SUP-PN-2022-750", 1, 40m)], 15m, 12.5m),
            "api:test", Now);
}
