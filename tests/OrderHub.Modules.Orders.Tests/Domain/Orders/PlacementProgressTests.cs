using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Orders.Domain.Orders;
using Shouldly;

namespace OrderHub.Modules.Orders.Tests.Domain.Orders;

/// <summary>
/// Placement reads its next step from what the order recorded, and every way into Received makes placement due once
/// (the Orders context turns that into the step's outbox row, so no path can strand an order in Received).
/// </summary>
public sealed class PlacementProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Placement_goes_stock_then_compliance_then_payment_then_is_complete()
    {
        var order = NewOrder();
        order.NextPlacementStep.ShouldBe(PlacementStep.ReserveStock);

        order.MarkStockReserved("Reserved 3 at NAPA-WH", Now);
        order.NextPlacementStep.ShouldBe(PlacementStep.DecideCompliance);

        order.MarkComplianceApproved(Guid.NewGuid(), adultSignature: true, "OR allows it", Now);
        order.NextPlacementStep.ShouldBe(PlacementStep.AuthorizePayment);

        order.MarkPaymentAuthorized(order.Total - 1m, "Authorized part", Now);
        order.NextPlacementStep.ShouldBe(PlacementStep.AuthorizePayment); // a cent short is not paid

        order.MarkPaymentAuthorized(1m, "Authorized the rest", Now);
        order.NextPlacementStep.ShouldBe(PlacementStep.Complete);
    }

    [Fact]
    public void A_received_order_is_due_for_placement_once()
    {
        var order = NewOrder();

        order.TakePlacementDue().ShouldBeTrue();
        order.TakePlacementDue().ShouldBeFalse();
    }

    [Fact]
    public void Releasing_the_last_hold_makes_placement_due_again_but_releasing_one_of_two_does_not()
    {
        var order = NewOrder();
        order.TakePlacementDue();
        order.PlaceHold(new StaffHoldRule(HoldType.Fraud, "Countries differ"), "staff:risk", Now);
        order.PlaceHold(new PaymentPendingRule(), "system:placement", Now);
        order.TakePlacementDue().ShouldBeFalse();

        order.ReleaseHold(HoldType.Fraud, "Checked with the customer", "staff:cs", Now);
        order.TakePlacementDue().ShouldBeFalse();
        order.IsHeldBy(PaymentPendingRule.RuleName).ShouldBeTrue();

        order.ReleaseHold(HoldType.Payment, "Retrying", "system:placement", Now);
        order.TakePlacementDue().ShouldBeTrue();
        order.Status.ShouldBe(OrderStatus.Received);
    }

    [Fact]
    public void Stock_allocated_to_a_backorder_makes_placement_due_and_a_held_rule_is_shown_by_its_name()
    {
        var order = NewOrder();
        order.TakePlacementDue();
        order.MarkBackordered("CAB-2019-750: 2 requested, 0 available", Now.AddDays(10), "system:placement", Now);
        order.ActiveHolds.ShouldHaveSingleItem().Rule.ShouldBe(BackorderedRule.RuleName);

        order.LeaveBackorder("Inventory allocated the backordered stock", "system:inventory", Now).ShouldBeTrue();

        order.TakePlacementDue().ShouldBeTrue();
        order.ActiveHolds.ShouldBeEmpty();
    }

    [Fact]
    public void A_staff_hold_has_no_rule_and_a_compliance_hold_carries_the_law_s_rule()
    {
        var order = NewOrder();
        order.PlaceHold(new StaffHoldRule(HoldType.Manual, "Customer asked to wait"), "staff:cs", Now);
        order.PlaceHold(new ComplianceHoldRule("VolumeLimitExceeded", "Over Oregon's 2 cases a month"), "system:placement", Now);

        order.ActiveHolds.Select(h => (h.Type, h.Rule)).ShouldBe([(HoldType.Manual, null), (HoldType.Compliance, "VolumeLimitExceeded")]);
    }

    private static Order NewOrder() => Order.Receive(
        new ReceiveOrder("OH-100001", OrderChannel.Web, null,
            new Customer("ada@example.com", "Ada", "Lovelace", new DateOnly(1985, 12, 10), null),
            new Address("1 Main St", null, "Portland", "OR", "97201", "US"), null, ShippingService.Ground, "tok_visa", "USD",
            [new PricedLine("CAB-2019-750", 2, 65m), new PricedLine("CAB-2019-1500", 1, 140m)], 15m, 12.5m),
        "api:test", Now);
}
