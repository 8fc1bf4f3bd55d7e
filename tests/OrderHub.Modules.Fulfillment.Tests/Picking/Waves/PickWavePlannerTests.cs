using FsCheck;
using FsCheck.Fluent;
using OrderHub.Modules.Fulfillment.Picking.Waves;
using Shouldly;

namespace OrderHub.Modules.Fulfillment.Tests.Picking.Waves;

/// <summary>
/// One wave per location: oldest fulfillments first, lots FEFO then FIFO, never expired or quarantined, items in walking
/// order numbered from 1, shortages per (fulfillment, SKU).
/// </summary>
public sealed class PickWavePlannerTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly DateTimeOffset Morning = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Items_come_in_walking_order_with_sequence_from_one()
    {
        var stock = new[]
        {
            Stock("B-01-1", "MER", "M1"),
            Stock("A-10-1", "CAB", "C1"),
            Stock("A-02-3", "ZIN", "Z1"),
            Stock("FLOOR", "ROS", "R1"),
        };
        var open = new[] { Fulfillment(1, Line("MER", 1), Line("CAB", 2), Line("ZIN", 3), Line("ROS", 1)) };

        var wave = PickWavePlanner.Plan(open, stock, Today);

        wave.Items.Select(i => (i.Sequence, i.Bin)).ShouldBe([(1, "A-02-3"), (2, "A-10-1"), (3, "B-01-1"), (4, "FLOOR")]);
        wave.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void An_item_names_its_order_fulfillment_lot_and_quantity_as_cases_and_bottles()
    {
        var f = Fulfillment(1, Line("CAB", 14));

        var item = PickWavePlanner.Plan([f], [Stock("A-01-1", "CAB", "L7", 40)], Today).Items.ShouldHaveSingleItem();

        item.ShouldBe(new PickItem(1, "A-01-1", "CAB", "L7", 14, f.OrderNumber, f.Id, new CaseQuantity(1, 2)));
        item.AsCases.ToString().ShouldBe("1 cs + 2 btl");
    }

    [Fact]
    public void Fefo_then_fifo_decides_which_lots_are_drawn()
    {
        var stock = new[]
        {
            Stock("A-01-1", "CAB", "OLD", 10, received: Today.AddYears(-3)),
            Stock("A-01-2", "CAB", "LATE", 2, expires: Today.AddMonths(6)),
            Stock("A-01-3", "CAB", "SOON", 2, expires: Today.AddMonths(1)),
            Stock("A-01-4", "CAB", "NEW", 10, received: Today.AddDays(-1)),
        };

        var wave = PickWavePlanner.Plan([Fulfillment(1, Line("CAB", 7))], stock, Today);

        wave.Items.Select(i => (i.Lot, i.Quantity)).ShouldBe([("OLD", 3), ("LATE", 2), ("SOON", 2)]);
    }

    [Fact]
    public void Expired_lots_including_one_expiring_today_and_quarantined_lots_are_never_picked()
    {
        var stock = new[]
        {
            Stock("A-01-1", "CAB", "PAST", 10, expires: Today.AddDays(-1)),
            Stock("A-01-2", "CAB", "TODAY", 10, expires: Today),
            Stock("A-01-3", "CAB", "HELD", 10, quarantined: true),
            Stock("A-01-4", "CAB", "GOOD", 2, expires: Today.AddDays(1)),
        };
        var f = Fulfillment(1, Line("CAB", 5));

        var wave = PickWavePlanner.Plan([f], stock, Today);

        wave.Items.ShouldHaveSingleItem().Lot.ShouldBe("GOOD");
        wave.Shortages.ShouldBe([new PickShortage(f.Id, f.OrderNumber, "CAB", 5, 3)]);
    }

    [Fact]
    public void Oldest_fulfillments_are_served_first_and_max_orders_keeps_the_oldest()
    {
        var newest = Fulfillment(3, Line("CAB", 2));
        var oldest = Fulfillment(1, Line("CAB", 2));
        var middle = Fulfillment(2, Line("CAB", 2));

        var wave = PickWavePlanner.Plan([newest, oldest, middle], [Stock("A-01-1", "CAB", "L1", 3)], Today, maxOrders: 2);

        wave.FulfillmentIds.ShouldBe([oldest.Id, middle.Id]);
        wave.Items.Select(i => (i.FulfillmentId, i.Quantity)).ShouldBe([(oldest.Id, 2), (middle.Id, 1)]);
        wave.Shortages.ShouldBe([new PickShortage(middle.Id, middle.OrderNumber, "CAB", 2, 1)]);
    }

    [Fact]
    public void A_fulfillment_with_nothing_in_stock_is_still_in_the_wave_with_its_shortage()
    {
        var covered = Fulfillment(1, Line("CAB", 1));
        var uncovered = Fulfillment(2, Line("ZIN", 6), Line("ZIN", 6));

        var wave = PickWavePlanner.Plan([covered, uncovered], [Stock("A-01-1", "CAB", "L1", 3)], Today);

        wave.FulfillmentIds.ShouldBe([covered.Id, uncovered.Id]);
        wave.Shortages.ShouldBe([new PickShortage(uncovered.Id, uncovered.OrderNumber, "ZIN", 12, 12)]);
    }

    [Fact]
    public void One_lot_across_two_bins_is_drawn_in_walking_order_and_orders_at_one_bin_follow_their_turn()
    {
        var first = Fulfillment(1, Line("CAB", 3));
        var second = Fulfillment(2, Line("CAB", 3));
        var stock = new[] { Stock("B-01-1", "CAB", "L1", 10), Stock("A-01-1", "CAB", "L1", 4) };

        var wave = PickWavePlanner.Plan([second, first], stock, Today);

        wave.Items.Select(i => (i.Bin, i.OrderNumber, i.Quantity)).ShouldBe(
            [("A-01-1", first.OrderNumber, 3), ("A-01-1", second.OrderNumber, 1), ("B-01-1", second.OrderNumber, 2)]);
    }

    [Fact]
    public void Max_orders_below_one_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => PickWavePlanner.Plan([], [], Today, maxOrders: 0));

    [Fact]
    public void A_wave_of_500_orders_and_5000_lines_lists_every_order_and_accounts_for_every_bottle()
    {
        // Its speed is measured in bench/Picking.Bench, not here.
        var (open, stock) = LargeWave();

        var wave = PickWavePlanner.Plan(open, stock, Today);

        wave.FulfillmentIds.Count.ShouldBe(500);
        (wave.Items.Sum(i => i.Quantity) + wave.Shortages.Sum(s => s.Missing)).ShouldBe(open.Sum(f => f.Lines.Sum(l => l.Quantity)));
    }

    [Fact]
    public void Property_never_more_than_a_lot_offers_and_every_unit_is_picked_or_short()
    {
        var gen =
            from lineCount in Gen.Choose(1, 12)
            from lines in (from sku in Gen.Elements("CAB", "MER", "ZIN")
                           from quantity in Gen.Choose(1, 15)
                           select (sku, quantity)).ArrayOf(lineCount)
            from stockCount in Gen.Choose(0, 8)
            from stock in (from sku in Gen.Elements("CAB", "MER", "ZIN")
                           from available in Gen.Choose(0, 20)
                           from days in Gen.Choose(-5, 30)
                           select (sku, available, days)).ArrayOf(stockCount)
            select (lines, stock);

        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var open = input.lines.Select((l, i) => Fulfillment(i % 4, Line(l.sku, l.quantity)) with { Id = new Guid(i + 1, 0, 0, new byte[8]) }).ToList();
            var stock = input.stock.Select((s, i) => Stock($"A-{i:00}-1", s.sku, $"L{i}", s.available, expires: s.days > 20 ? null : Today.AddDays(s.days))).ToList();

            var wave = PickWavePlanner.Plan(open, stock, Today);

            foreach (var row in stock)
            {
                var taken = wave.Items.Where(i => i.Bin == row.Bin).Sum(i => i.Quantity);
                (taken <= (row.ExpiresOn <= Today ? 0 : row.Available)).ShouldBeTrue();
            }

            foreach (var f in open)
            {
                var sku = f.Lines[0].Sku;
                var picked = wave.Items.Where(i => i.FulfillmentId == f.Id).Sum(i => i.Quantity);
                var missing = wave.Shortages.Where(s => s.FulfillmentId == f.Id).Sum(s => s.Missing);
                (picked + missing).ShouldBe(f.Lines[0].Quantity, sku);
            }

            wave.Items.Select(i => i.Sequence).ShouldBe(Enumerable.Range(1, wave.Items.Count));
        }).QuickCheckThrowOnFailure();
    }

    internal static (List<WaveFulfillment> Open, List<PickableStock> Stock) LargeWave(int orders = 500, int linesPerOrder = 10, int skus = 300, int bins = 400)
    {
        var random = new Random(42);
        var stock = new List<PickableStock>();
        for (var s = 0; s < skus; s++)
        {
            for (var lot = 0; lot < 2 + (s % 2); lot++)
            {
                var bin = $"{(char)('A' + random.Next(0, 20))}-{random.Next(1, 21):00}-{random.Next(1, 5)}";
                DateOnly? expires = s % 10 == 0 ? Today.AddDays(random.Next(-30, 400)) : null;
                stock.Add(new PickableStock(bin, $"SKU-{s:000}", $"L{s:000}-{lot}", random.Next(5, 60), expires, Today.AddDays(-random.Next(1, 900)), random.Next(50) == 0));
            }
        }

        var open = new List<WaveFulfillment>(orders);
        for (var o = 0; o < orders; o++)
        {
            var lines = Enumerable.Range(0, linesPerOrder).Select(_ => new WaveLine($"SKU-{random.Next(skus):000}", random.Next(1, 13), 12)).ToList();
            open.Add(new WaveFulfillment(Guid.NewGuid(), $"OH-{100000 + o}", Morning.AddMinutes(-random.Next(0, 10000)), lines));
        }

        return (open, stock);
    }

    internal static PickableStock Stock(
        string bin, string sku, string lot, int available = 10, DateOnly? expires = null, DateOnly? received = null, bool quarantined = false) =>
        new(bin, sku, lot, available, expires, received ?? Today.AddDays(-30), quarantined);

    internal static WaveFulfillment Fulfillment(int n, params WaveLine[] lines) =>
        new(new Guid(n, 0, 0, new byte[8]), $"OH-{1000 + n}", Morning.AddMinutes(n), lines);

    internal static WaveLine Line(string sku, int quantity) => new(sku, quantity, 12);
}
