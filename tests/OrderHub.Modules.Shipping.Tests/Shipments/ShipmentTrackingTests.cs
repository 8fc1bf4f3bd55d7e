using FsCheck;
using FsCheck.Fluent;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Domain.Shipments;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.Shipments;

/// <summary>
/// Carriers resend scans and deliver them out of order: whatever order and however often a shipment's scans arrive,
/// it ends in the same status, and an older scan never moves it back.
/// </summary>
public sealed class ShipmentTrackingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);

    /// <summary>SSCCs of GS1's worked-example prefix, serials 1 and 2.</summary>
    private static readonly string[] Ssccs = ["006141410000000012", "006141410000000029"];

    private static readonly ShipmentStatus[] Scans =
        [ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Exception, ShipmentStatus.Delivered, ShipmentStatus.ReturnedToSender];

    [Fact]
    public void Any_order_and_any_repeats_of_the_same_scans_end_in_the_same_status()
    {
        var scan = from status in Gen.Elements(Scans) from hour in Gen.Choose(0, 20) select (Status: status, At: Start.AddHours(hour));
        var scans =
            from count in Gen.Choose(1, 8)
            from list in Gen.ArrayOf(scan, count)
            from repeats in Gen.Choose(0, Math.Min(3, count))
            from keys in Gen.ArrayOf(Gen.Choose(0, 1000), count + repeats)
            select (Scans: list, Repeats: repeats, Keys: keys);

        Prop.ForAll(scans.ToArbitrary(), c =>
        {
            var inOrder = Labelled();
            foreach (var (status, at) in c.Scans.OrderBy(s => s.At))
            {
                inOrder.Track(status, at, null, null, Start);
            }

            var shuffled = Labelled();
            var arrivals = c.Scans.Concat(c.Scans.Take(c.Repeats)).Zip(c.Keys).OrderBy(x => x.Second).Select(x => x.First);
            foreach (var (status, at) in arrivals)
            {
                shuffled.Track(status, at, null, null, Start);
            }

            shuffled.Status.ShouldBe(inOrder.Status, string.Join(", ", arrivals));
            shuffled.Events.Count.ShouldBe(c.Scans.Distinct().Count());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void An_older_scan_arriving_late_does_not_move_the_shipment_back()
    {
        var shipment = Labelled();
        shipment.Track(ShipmentStatus.OutForDelivery, Start.AddHours(30), "Out for delivery", "Portland, OR", Start).ShouldBe(ShipmentStatus.LabelCreated);

        shipment.Track(ShipmentStatus.InTransit, Start.AddHours(2), "Departed facility", "Sacramento, CA", Start).ShouldBeNull();

        shipment.Status.ShouldBe(ShipmentStatus.OutForDelivery);
        shipment.Events.Count.ShouldBe(2);
    }

    [Fact]
    public void Delivered_stays_delivered_even_when_a_later_transit_scan_arrives()
    {
        var shipment = Labelled();
        shipment.Track(ShipmentStatus.Delivered, Start.AddHours(40), "Signed by J. Doe (21+ ID checked)", "Portland, OR", Start);

        shipment.Track(ShipmentStatus.InTransit, Start.AddHours(41), "Scan at hub", null, Start).ShouldBeNull();

        shipment.Status.ShouldBe(ShipmentStatus.Delivered);
    }

    [Fact]
    public void An_exception_then_a_later_transit_scan_resumes_the_journey()
    {
        var shipment = Labelled();
        shipment.Track(ShipmentStatus.Exception, Start.AddHours(5), "Adult not present", null, Start);

        shipment.Track(ShipmentStatus.InTransit, Start.AddHours(20), "Rescheduled", null, Start).ShouldBe(ShipmentStatus.Exception);

        shipment.Status.ShouldBe(ShipmentStatus.InTransit);
        shipment.DepartedAt.ShouldBe(Start.AddHours(5));
    }

    [Fact]
    public void A_shipment_without_a_label_ignores_scans()
    {
        var shipment = Pending();

        shipment.Track(ShipmentStatus.InTransit, Start, null, null, Start).ShouldBeNull();

        shipment.Status.ShouldBe(ShipmentStatus.LabelPending);
    }

    [Fact]
    public void Recording_a_label_twice_keeps_the_first_tracking_numbers()
    {
        var shipment = Pending();
        var rate = new CarrierRate(Carrier.UPS, ServiceLevel.Ground, "UPS Ground", 18.39m, "USD", 3);

        shipment.RecordLabel(rate, new PurchasedLabel("1Z4A7Y96A800123453", ["1Z4A7Y96A800123453", "1Z4A7Y96A800123461"], 18.39m, "USD"), Ssccs, new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 10), Start).ShouldBeTrue();
        shipment.RecordLabel(rate, new PurchasedLabel("other", ["1Z4A7Y96A899999990", "1Z4A7Y96A899999991"], 20m, "USD"), ["006141410000000098", "006141410000000104"], new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 10), Start).ShouldBeFalse();

        shipment.Packages.Select(p => p.TrackingNumber).ShouldBe(["1Z4A7Y96A800123453", "1Z4A7Y96A800123461"]);
        shipment.Packages.Select(p => p.Sscc).ShouldBe(Ssccs);
        shipment.TrackingNumber.ShouldBe("1Z4A7Y96A800123453");
        shipment.Status.ShouldBe(ShipmentStatus.LabelCreated);
    }

    private static Shipment Pending() => Shipment.Create(
        new NewShipment(
            Guid.NewGuid(), "OH-100001", Guid.NewGuid(), "NAPA-WH", "order:1", "Dana Reyes", new Address("1 Main St", null, "Portland", "OR", "97201", "US"),
            ServiceLevel.Ground, ContainsAlcohol: true, AdultSignatureRequired: true,
            [new NewShipmentPackage(Guid.NewGuid(), 9000, 37, 26, 22), new NewShipmentPackage(Guid.NewGuid(), 1600, 41, 14, 14)],
            [(1, "CAB-2021", 6), (2, "CHD-2022", 1)]),
        Start);

    private static Shipment Labelled()
    {
        var shipment = Pending();
        shipment.RecordLabel(
            new CarrierRate(Carrier.UPS, ServiceLevel.Ground, "UPS Ground", 18.39m, "USD", 3),
            new PurchasedLabel("1Z4A7Y96A800123453", ["1Z4A7Y96A800123453", "1Z4A7Y96A800123461"], 18.39m, "USD"),
            Ssccs,
            new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 10), Start);
        return shipment;
    }
}
