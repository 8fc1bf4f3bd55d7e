using OrderHub.Modules.Fulfillment.Picking.Waves;
using Shouldly;
using static OrderHub.Modules.Fulfillment.Tests.Picking.Waves.PickWavePlannerTests;

namespace OrderHub.Modules.Fulfillment.Tests.Picking.Waves;

public sealed class PickConfirmationTests
{
    private static readonly PickableStock[] Snapshot =
    [
        Stock("A-01-1", "CAB", "L1", 10),
        Stock("A-01-1", "CAB", "L2", 10),
        Stock("A-01-1", "CAB", "HELD", 10, quarantined: true),
        Stock("B-01-1", "MER", "M1", 10),
    ];

    private static readonly PickItem[] Items =
    [
        Item(1, "A-01-1", "CAB", "L1", 6, fulfillment: 1),
        Item(2, "A-01-1", "CAB", "L1", 2, fulfillment: 2),
        Item(3, "B-01-1", "MER", "M1", 4, fulfillment: 1),
    ];

    [Fact]
    public void Items_not_named_are_picked_in_full_and_a_short_pick_is_reported()
    {
        var result = PickConfirmation.Check(Items, [new ConfirmedPick(1, 4)], Snapshot);

        result.IsAccepted.ShouldBeTrue();
        result.Items.Select(i => (i.Sequence, i.Picked, i.Short)).ShouldBe([(1, 4, 2), (2, 2, 0), (3, 4, 0)]);
        result.Shortages.ShouldBe([new PickShortage(Id(1), "OH-1001", "CAB", 6, 2)]);
    }

    [Fact]
    public void Picking_more_than_the_list_says_is_refused()
    {
        var result = PickConfirmation.Check(Items, [new ConfirmedPick(3, 5)], Snapshot);

        result.IsAccepted.ShouldBeFalse();
        result.Refusals.ShouldHaveSingleItem().ShouldBe(new PickRefusal(3, "Sequence 3: 5 picked but the list asks for 4 of MER from B-01-1; put 1 back."));
    }

    [Fact]
    public void An_unknown_or_repeated_sequence_or_a_negative_quantity_is_refused()
    {
        var result = PickConfirmation.Check(Items, [new ConfirmedPick(9, 1), new ConfirmedPick(2, 1), new ConfirmedPick(2, 1), new ConfirmedPick(1, -1)], Snapshot);

        result.Refusals.Select(r => r.Message).ShouldBe(
        [
            "Sequence 9 is not on this pick list (it has items 1 to 3).",
            "Sequence 2 is confirmed more than once.",
            "Sequence 1: the picked quantity cannot be negative (-1).",
        ]);
    }

    [Fact]
    public void A_lot_not_in_the_bin_or_quarantined_is_refused_and_another_lot_in_the_bin_is_a_substitution()
    {
        var result = PickConfirmation.Check(
            Items,
            [new ConfirmedPick(1, 6, "L2"), new ConfirmedPick(2, 2, "M1"), new ConfirmedPick(3, 4, "M1")],
            Snapshot);

        result.Refusals.ShouldBe([new PickRefusal(2, "Sequence 2: lot M1 of CAB is not in bin A-01-1 (the list says lot L1).")]);
        result.Items[0].Lot.ShouldBe("L2");

        PickConfirmation.Check(Items, [new ConfirmedPick(1, 6, "HELD")], Snapshot).Refusals.ShouldHaveSingleItem().Message
            .ShouldBe("Sequence 1: lot HELD of CAB in bin A-01-1 is quarantined and must not be picked.");
    }

    private static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    private static PickItem Item(int sequence, string bin, string sku, string lot, int quantity, int fulfillment) =>
        new(sequence, bin, sku, lot, quantity, $"OH-{1000 + fulfillment}", Id(fulfillment), CaseQuantity.Of(quantity, 12));
}
