using FsCheck;
using FsCheck.Fluent;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Allocation;
using OrderHub.Modules.Inventory.Domain.Stock;
using Shouldly;

namespace OrderHub.Modules.Inventory.Tests.Domain.Allocation;

/// <summary>
/// The one allocation policy: pool units of the channel first (by priority, then release date), then general stock in the
/// preference's order (ships-to-consumers locations first, FIFO by lot); all lines met or the shortages named.
/// </summary>
public sealed class AllocationPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static readonly AllocationPlanner Planner = AllocationPlanner.Default;

    [Fact]
    public void One_location_with_enough_stock_meets_the_line_from_it()
    {
        var plan = Planner.Plan([Line("CAB", 3)], AvailabilitySnapshot.Of([Stock(1, "CAB", "NAPA-WH", 10)]));

        plan.IsComplete.ShouldBeTrue();
        plan.Holds.ShouldHaveSingleItem().ShouldBe(new PlannedHold(1, Key("CAB", "NAPA-WH"), 3, null, null));
    }

    [Fact]
    public void A_line_splits_across_locations_ships_to_consumer_first_then_fifo_by_lot()
    {
        var snapshot = AvailabilitySnapshot.Of(
        [
            Stock(1, "CAB", "STORE", 5, lot: "A", shipsToConsumers: false),
            Stock(2, "CAB", "RENO-WH", 4, lot: "L2"),
            Stock(3, "CAB", "NAPA-WH", 2, lot: "L1"),
        ]);

        var plan = Planner.Plan([Line("CAB", 8)], snapshot);

        plan.IsComplete.ShouldBeTrue();
        plan.Holds.Select(h => (h.StockItemId, h.Quantity)).ShouldBe([(3L, 2), (2L, 4), (1L, 2)]);
    }

    [Fact]
    public void A_line_sourcing_placed_at_a_location_takes_only_from_there_even_when_it_falls_short()
    {
        var snapshot = AvailabilitySnapshot.Of([Stock(1, "CAB", "NAPA-WH", 10), Stock(2, "CAB", "RENO-WH", 3, lot: "L1"), Stock(3, "CAB", "RENO-WH", 2, lot: "L2")]);

        var atReno = Planner.Plan([new StockLine("CAB", 4, "RENO-WH")], snapshot);
        var tooMuchAtReno = Planner.Plan([new StockLine("CAB", 6, "RENO-WH")], snapshot);
        var split = Planner.Plan([new StockLine("CAB", 2, "RENO-WH"), new StockLine("CAB", 3, "NAPA-WH")], snapshot);

        atReno.Holds.Select(h => (h.StockItemId, h.Quantity)).ShouldBe([(2L, 3), (3L, 1)]);
        tooMuchAtReno.Shortages.ShouldBe([new StockShortageDto("CAB", 6, 5)]); // NAPA's ten are not an answer
        split.Holds.Select(h => (h.Key.LocationCode, h.Quantity)).ShouldBe([("RENO-WH", 2), ("NAPA-WH", 3)]);
    }

    [Fact]
    public void Equal_lots_are_taken_in_stock_item_id_order()
    {
        var plan = Planner.Plan([Line("CAB", 3)], AvailabilitySnapshot.Of([Stock(9, "CAB", "B", 2), Stock(4, "CAB", "A", 2)]));

        plan.Holds.Select(h => h.StockItemId).ShouldBe([4L, 9L]);
    }

    [Fact]
    public void A_short_line_is_named_with_what_could_be_held_and_the_others_still_planned()
    {
        var snapshot = AvailabilitySnapshot.Of([Stock(1, "CAB", "NAPA-WH", 2), Stock(2, "CAB", "RENO-WH", 1), Stock(3, "MER", "NAPA-WH", 5)]);

        var plan = Planner.Plan([Line("CAB", 5), Line("MER", 1), Line("ZIN", 2)], snapshot);

        plan.IsComplete.ShouldBeFalse();
        plan.Shortages.ShouldBe([new StockShortageDto("CAB", 5, 3), new StockShortageDto("ZIN", 2, 0)]);
    }

    [Fact]
    public void Pool_units_of_the_channel_come_first_by_priority_then_release_date()
    {
        var snapshot = new AvailabilitySnapshot(
            [Stock(1, "CAB", "NAPA-WH", 10)],
            [
                Pool(20, "late", "CAB", 2, priority: 5, releaseAt: Now.AddDays(9)),
                Pool(21, "low", "CAB", 2, priority: 1, releaseAt: Now.AddDays(1)),
                Pool(22, "soon", "CAB", 1, priority: 5, releaseAt: Now.AddDays(2)),
            ]);

        var plan = Planner.Plan([Line("CAB", 6)], snapshot);

        plan.Holds.Select(h => (h.PoolName, h.Quantity)).ShouldBe([("soon", 1), ("late", 2), ("low", 2), ((string?)null, 1)]);
        plan.Holds.Where(h => h.PoolName is not null).ShouldAllBe(h => h.PoolItemId != null && h.StockItemId == 7);
    }

    [Fact]
    public void Pool_units_count_toward_a_shortage()
    {
        var plan = Planner.Plan([Line("CAB", 6)], new AvailabilitySnapshot([Stock(1, "CAB", "NAPA-WH", 2)], [Pool(20, "club", "CAB", 3)]));

        plan.Shortages.ShouldHaveSingleItem().ShouldBe(new StockShortageDto("CAB", 6, 5));
    }

    [Fact]
    public void A_sku_on_two_lines_never_takes_a_row_twice()
    {
        var plan = Planner.Plan([Line("CAB", 2), Line("CAB", 2)], new AvailabilitySnapshot([Stock(1, "CAB", "NAPA-WH", 3)], [Pool(20, "club", "CAB", 1)]));

        plan.Holds.Where(h => h.PoolItemId is null).Sum(h => h.Quantity).ShouldBe(3);
        plan.Holds.Where(h => h.PoolItemId is not null).Sum(h => h.Quantity).ShouldBe(1);
        plan.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void A_zero_or_negative_line_plans_nothing_and_is_not_short()
    {
        var plan = Planner.Plan([Line("CAB", 0), Line("MER", -2)], AvailabilitySnapshot.Of([Stock(1, "CAB", "NAPA-WH", 3), Stock(2, "MER", "NAPA-WH", 3)]));

        plan.Holds.ShouldBeEmpty();
        plan.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void The_location_preference_is_a_seam_sourcing_can_replace()
    {
        var snapshot = AvailabilitySnapshot.Of([Stock(1, "CAB", "NAPA-WH", 5, lot: "L1"), Stock(2, "CAB", "RENO-WH", 5, lot: "L2")]);

        var plan = new AllocationPlanner(new OnlyAt("RENO-WH")).Plan([Line("CAB", 6)], snapshot);

        plan.Holds.ShouldHaveSingleItem().StockItemId.ShouldBe(2);
        plan.Shortages.ShouldHaveSingleItem().ShouldBe(new StockShortageDto("CAB", 6, 5));
    }

    /// <summary>An arbitrary snapshot of up to four SKUs, with stock rows and pool rows, and lines over those SKUs (and one unknown).</summary>
    internal sealed record Case(StockCandidate[] Stock, PoolCandidate[] Pools, StockLine[] Lines)
    {
        public override string ToString() =>
            $"stock [{string.Join(", ", Stock.Select(s => $"{s.Id}:{s.Key.Sku}@{s.Key.LocationCode}/{s.Key.Lot}={s.Available}{(s.ShipsToConsumers ? "" : " store")}"))}] "
            + $"pools [{string.Join(", ", Pools.Select(p => $"{p.Id}:{p.Key.Sku}={p.Remaining} p{p.Priority}"))}] "
            + $"lines [{string.Join(", ", Lines.Select(l => $"{l.Sku} x{l.Quantity}"))}]";
    }

    private static readonly string[] Skus = ["CAB", "MER", "ZIN", "PIN"];

    private static readonly Arbitrary<Case> Cases =
        (from stockCount in Gen.Choose(0, 8)
         from stock in (from sku in Gen.Elements(Skus)
                        from location in Gen.Elements("NAPA-WH", "RENO-WH", "STORE")
                        from lot in Gen.Elements("", "L1", "L2", "2019")
                        from available in Gen.Choose(1, 9)
                        from ships in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
                        select (sku, location, lot, available, ships)).ArrayOf(stockCount)
         from poolCount in Gen.Choose(0, 3)
         from pools in (from stockIndex in Gen.Choose(0, Math.Max(0, stockCount - 1))
                        from remaining in Gen.Choose(1, 5)
                        from priority in Gen.Choose(0, 3)
                        from days in Gen.Choose(1, 30)
                        select (stockIndex, remaining, priority, days)).ArrayOf(stockCount == 0 ? 0 : poolCount)
         from lineCount in Gen.Choose(1, 5)
         from lines in (from sku in Gen.Elements([.. Skus, "ROSE"])
                        from quantity in Gen.Choose(-1, 20)
                        select new StockLine(sku, quantity)).ArrayOf(lineCount)
         select new Case(
             [.. stock.Select((s, i) => Stock(i + 1, s.sku, s.location, s.available, s.lot, s.ships))],
             [.. pools.Select((p, i) => Pool(100 + i, $"pool{i}", stock[p.stockIndex].sku, p.remaining, p.priority, Now.AddDays(p.days), stockItemId: p.stockIndex + 1))],
             lines)).ToArbitrary();

    [Fact]
    public void Any_plan_holds_no_row_beyond_what_it_offers_and_meets_every_line_exactly_or_names_it_short()
    {
        Prop.ForAll(Cases, c =>
        {
            var plan = Planner.Plan(c.Lines, new AvailabilitySnapshot(c.Stock, c.Pools));
            var message = c.ToString();

            plan.Holds.ShouldAllBe(h => h.Quantity > 0, message);
            foreach (var row in plan.Holds.Where(h => h.PoolItemId is null).GroupBy(h => h.StockItemId))
            {
                row.Sum(h => h.Quantity).ShouldBeLessThanOrEqualTo(c.Stock.Single(s => s.Id == row.Key).Available, message);
            }

            foreach (var row in plan.Holds.Where(h => h.PoolItemId is not null).GroupBy(h => h.PoolItemId))
            {
                row.Sum(h => h.Quantity).ShouldBeLessThanOrEqualTo(c.Pools.Single(p => p.Id == row.Key).Remaining, message);
            }

            foreach (var sku in c.Lines.Select(l => l.Sku).Distinct())
            {
                var wanted = c.Lines.Where(l => l.Sku == sku).Sum(l => Math.Max(0, l.Quantity));
                var offered = c.Stock.Where(s => s.Key.Sku == sku).Sum(s => s.Available) + c.Pools.Where(p => p.Key.Sku == sku).Sum(p => p.Remaining);
                var held = plan.Holds.Where(h => h.Key.Sku == sku).Sum(h => h.Quantity);
                held.ShouldBe(Math.Min(wanted, offered), message);
                plan.Shortages.Any(s => s.Sku == sku).ShouldBe(wanted > offered, message);
            }

            foreach (var shortage in plan.Shortages)
            {
                shortage.Available.ShouldBeLessThan(shortage.Requested, message);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true));
    }

    [Fact]
    public void Any_plan_takes_general_stock_of_a_line_in_preference_order_leaving_no_earlier_row_unused()
    {
        Prop.ForAll(Cases, c =>
        {
            var plan = Planner.Plan(c.Lines, new AvailabilitySnapshot(c.Stock, []));
            var used = plan.Holds.GroupBy(h => h.StockItemId).ToDictionary(g => g.Key, g => g.Sum(h => h.Quantity));
            foreach (var sku in c.Stock.Select(s => s.Key.Sku).Distinct())
            {
                var ordered = new ConsumerLocationsFirst().Order(c.Stock.Where(s => s.Key.Sku == sku)).ToList();
                var lastUsed = ordered.FindLastIndex(s => used.ContainsKey(s.Id));
                ordered.Take(Math.Max(0, lastUsed)).ShouldAllBe(s => used.GetValueOrDefault(s.Id) == s.Available, c.ToString());
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true));
    }

    private static StockLine Line(string sku, int quantity) => new(sku, quantity);

    private static StockKey Key(string sku, string location, string lot = "L1") => new(sku, location, "A-01", lot);

    private static StockCandidate Stock(long id, string sku, string location, int available, string lot = "L1", bool shipsToConsumers = true) =>
        new(id, Key(sku, location, lot), available, shipsToConsumers);

    private static PoolCandidate Pool(long id, string name, string sku, int remaining, int priority = 0, DateTimeOffset? releaseAt = null, long stockItemId = 7) =>
        new(id, name, stockItemId, Key(sku, "NAPA-WH"), remaining, priority, releaseAt ?? Now.AddDays(7));

    /// <summary>A stand-in for Fulfillment's sourcing: only one location may ship.</summary>
    private sealed class OnlyAt(string location) : ILocationPreference
    {
        public IEnumerable<StockCandidate> Order(IEnumerable<StockCandidate> candidates) => candidates.Where(c => c.Key.LocationCode == location);
    }
}
