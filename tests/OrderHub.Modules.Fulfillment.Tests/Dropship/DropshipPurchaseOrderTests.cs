using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;
using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests.Dropship;

public sealed class DropshipPurchaseOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_purchase_order_is_sent_acknowledged_once_then_shipped_and_a_repeated_report_changes_nothing()
    {
        var po = Issue();
        (po.Number, po.Status, po.SentAt).ShouldBe(("DS-000007", DropshipPurchaseOrderStatus.Sent, Now));

        po.Acknowledge("INBOX-DS-000007", Now.AddMinutes(1));
        po.Acknowledge("SECOND", Now.AddMinutes(2)); // a resend's answer
        (po.Status, po.AcknowledgementReference).ShouldBe((DropshipPurchaseOrderStatus.Acknowledged, "INBOX-DS-000007"));

        po.MarkShipped("UPS", "1Z4A7Y96A800123453", Now.AddDays(1), Now.AddDays(1)).ShouldBeTrue();
        var version = po.Version;
        po.MarkShipped("UPS", "1Z4A7Y96A800123453", Now.AddDays(2), Now.AddDays(2)).ShouldBeFalse();

        (po.Status, po.Carrier, po.TrackingNumber, po.ShippedAt, po.Version).ShouldBe((DropshipPurchaseOrderStatus.Shipped, "UPS", "1Z4A7Y96A800123453", Now.AddDays(1), version));
    }

    [Fact]
    public void Another_tracking_number_for_a_shipped_order_is_a_conflict_and_a_refused_order_never_ships()
    {
        var shipped = Issue();
        shipped.MarkShipped("UPS", "1Z4A7Y96A800123453", Now, Now);
        Should.Throw<ConflictException>(() => shipped.MarkShipped("UPS", "1Z5R89390357567127", Now, Now)).Message.ShouldContain("1Z4A7Y96A800123453");

        var refused = Issue();
        refused.Fail("Discontinued", Now);
        refused.Status.ShouldBe(DropshipPurchaseOrderStatus.Failed);
        refused.AwaitsAcknowledgement.ShouldBeFalse();
        Should.Throw<ConflictException>(() => refused.MarkShipped("UPS", "1Z4A7Y96A800123453", Now, Now));
    }

    [Fact]
    public void The_goods_may_leave_before_the_acknowledgement_arrives()
    {
        var po = Issue();

        po.MarkShipped("FedEx", "612345678902", Now, Now).ShouldBeTrue();
        po.Acknowledge("LATE", Now);

        (po.Status, po.AcknowledgementReference).ShouldBe((DropshipPurchaseOrderStatus.Shipped, null));
    }

    [Fact]
    public void Only_an_open_dropship_fulfillment_is_shipped_by_its_supplier()
    {
        var dropship = Fulfillment(FulfillmentType.Dropship);
        dropship.AttachPurchaseOrder(Guid.NewGuid(), Now);
        dropship.MarkShippedBySupplier(Now);
        dropship.Status.ShouldBe(FulfillmentStatus.Shipped);
        Should.Throw<ConflictException>(() => dropship.MarkShippedBySupplier(Now)); // shipped once

        var warehouse = Fulfillment(FulfillmentType.Warehouse);
        Should.Throw<ConflictException>(() => warehouse.MarkShippedBySupplier(Now));
        Should.Throw<ConflictException>(() => warehouse.AttachPurchaseOrder(Guid.NewGuid(), Now));
        warehouse.Status.ShouldBe(FulfillmentStatus.Open);

        var cancelled = Fulfillment(FulfillmentType.Dropship);
        cancelled.Cancel(Now);
        Should.Throw<ConflictException>(() => cancelled.MarkShippedBySupplier(Now));
    }

    private static DropshipPurchaseOrder Issue() => DropshipPurchaseOrder.Issue(
        7, ("SUPPLIER-SON", "Sonoma Bottling Co-op", "CA", "95472"), Guid.NewGuid(), Guid.NewGuid(), "OH-100001", "Dana Whitfield",
        new Address("45 West 81st Street", "Apt 7B", "New York", "NY", "10024", "US"), "Ground", true, [(2, "PN-SC-22-750", 3)], Now);

    private static Domain.Fulfillments.Fulfillment Fulfillment(FulfillmentType type) =>
        Domain.Fulfillments.Fulfillment.Create(Guid.NewGuid(), "OH-100001", "SUPPLIER-SON", "95472", type, [(2, "PN-SC-22-750", 3)], Now);
}
