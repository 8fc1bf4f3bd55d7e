using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>From ready to fulfil to delivered (or handed over, cancelled, merged).</summary>
internal sealed partial class Order
{
    public void MarkReadyToFulfill(string actor, DateTimeOffset now)
    {
        if (ActiveHolds.Any())
        {
            throw new ConflictException($"Order {Number} still has holds.");
        }

        MoveTo(OrderStatus.ReadyToFulfill, actor, now, "ReadyToFulfill",
            Total == 0 ? "Stock reserved, compliance approved, nothing to charge" : "Stock reserved, compliance approved, payment authorized");
    }

    /// <summary>
    /// A carry-out sale handed over at the counter (API.md, "Completing a sale"): paid and ready, it is Delivered at
    /// once; the caller announces it so Inventory commits the stock and Payments captures the total.
    /// </summary>
    public void HandOver(string actor, DateTimeOffset now)
    {
        if (!IsCarryOut)
        {
            throw new ConflictException($"Order {Number} ships; only a carry-out order is handed over at the counter.");
        }

        MoveTo(OrderStatus.Delivered, actor, now, "HandedOver", "Carried out at the counter: stock committed, payment captured");
    }

    /// <summary>A person's note about the order (a call, a promise made): on the timeline, whatever the status.</summary>
    public void AddNote(string text, string actor, DateTimeOffset now) => Record(now, "NoteAdded", text, actor);

    /// <summary>Fulfillment chose where each part ships from: on the timeline; the order stays ReadyToFulfill until picking.</summary>
    public void RecordSourced(string detail, string actor, DateTimeOffset now) => Record(now, "Sourced", detail, actor);

    /// <summary>Work waited past a location's pick deadline: Fulfillment sources it again elsewhere; on the timeline.</summary>
    public void RecordStuckWorkResourcing(string detail, string actor, DateTimeOffset now) => Record(now, "StuckWorkResourced", detail, actor);

    /// <summary>Shipping holds a shipment's wine for the weather (no label yet): on the timeline.</summary>
    public void RecordWeatherHold(string detail, string actor, DateTimeOffset now) => Record(now, "WeatherHold", detail, actor);

    /// <summary>The weather lets a held shipment travel: on the timeline; its label follows.</summary>
    public void RecordWeatherHoldReleased(string detail, string actor, DateTimeOffset now) => Record(now, "WeatherHoldReleased", detail, actor);

    /// <summary>Compliance approved the order again for the locations it ships from: on the timeline.</summary>
    public void RecordComplianceRechecked(string detail, string actor, DateTimeOffset now) => Record(now, "ComplianceRechecked", detail, actor);

    public void StartPicking(string actor, DateTimeOffset now) => MoveTo(OrderStatus.Picking, actor, now, "PickingStarted", "Pick list released to the warehouse");

    public void MarkPacked(string actor, DateTimeOffset now) => MoveTo(OrderStatus.Packed, actor, now, "Packed", "All lines packed");

    /// <summary>A part went on a pick list: the first makes a ready order Picking; later parts (a split order) are on the timeline.</summary>
    public void RecordPickingStarted(string detail, string actor, DateTimeOffset now)
    {
        if (Status == OrderStatus.ReadyToFulfill)
        {
            MoveTo(OrderStatus.Picking, actor, now, "PickingStarted", detail);
        }
        else
        {
            Record(now, "PickingStarted", detail, actor);
        }
    }

    /// <summary>A part was picked: on the timeline, as ShortPicked when the picker did not find everything.</summary>
    public void RecordPicked(string detail, bool complete, string actor, DateTimeOffset now) => Record(now, complete ? "Picked" : "ShortPicked", detail, actor);

    /// <summary>Units a picker did not find were sourced again, or could not be (<paramref name="found"/> false): on the timeline.</summary>
    public void RecordShortfall(string detail, bool found, string actor, DateTimeOffset now) =>
        Record(now, found ? "ShortfallSourced" : "ShortfallNotSourced", detail, actor);

    /// <summary>A part was packed: the order is Packed once every part is; before that it is on the timeline.</summary>
    public void RecordPacked(string detail, bool allPacked, string actor, DateTimeOffset now)
    {
        if (allPacked && Status == OrderStatus.Picking)
        {
            MoveTo(OrderStatus.Packed, actor, now, "Packed", detail);
        }
        else
        {
            Record(now, "Packed", detail, actor);
        }
    }

    /// <summary>Ships the given line numbers; the order is Shipped when every live line has gone.</summary>
    public void Ship(IReadOnlyCollection<int> lineNumbers, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lineNumbers);
        var live = _lines.Where(l => l.Status != OrderStatus.Cancelled).ToList();
        foreach (var line in live.Where(l => lineNumbers.Contains(l.LineNumber)))
        {
            line.RecordShipped(line.Quantity);
            line.MoveTo(OrderStatus.Shipped);
        }

        var all = live.All(l => l.Status == OrderStatus.Shipped);
        MoveTo(all ? OrderStatus.Shipped : OrderStatus.PartiallyShipped, actor, now, "Shipped",
            $"Shipped line(s) {string.Join(", ", lineNumbers)}", moveLines: false);
    }

    /// <summary>
    /// A supplier shipped its part of the order (dropship): on the timeline as ShippedBySupplier with the carrier and
    /// tracking number, then those lines ship (<see cref="Ship"/>); no picking or packing of ours comes first. An order
    /// not yet ready, cancelled or delivered is a 409 and nothing changes.
    /// </summary>
    public void ShipBySupplier(IReadOnlyCollection<int> lineNumbers, string supplierCode, string carrier, string trackingNumber, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lineNumbers);
        var all = _lines.Where(l => l.Status != OrderStatus.Cancelled).All(l => l.Status == OrderStatus.Shipped || lineNumbers.Contains(l.LineNumber));
        var to = all ? OrderStatus.Shipped : OrderStatus.PartiallyShipped;
        if (to != Status)
        {
            OrderTransitions.EnsureCanMove(Number, Status, to); // refused before anything changes
        }

        Record(now, "ShippedBySupplier", $"{supplierCode} shipped line(s) {string.Join(", ", lineNumbers)} with {carrier} {trackingNumber}", actor);
        Ship(lineNumbers, actor, now);
    }

    /// <summary>The carrier delivered: only a shipped order (a carry-out is <see cref="HandOver"/>ed instead).</summary>
    public void MarkDelivered(string actor, DateTimeOffset now)
    {
        if (Status is not (OrderStatus.Shipped or OrderStatus.PartiallyShipped))
        {
            throw new ConflictException($"Order {Number} is {Status}; only a shipped order is delivered by its carrier.");
        }

        MoveTo(OrderStatus.Delivered, actor, now, "Delivered", "Carrier confirmed delivery");
    }

    /// <summary>Cancels before shipment (409 after). Cancelling a cancelled order changes nothing.</summary>
    public bool Cancel(string reason, string actor, DateTimeOffset now)
    {
        if (Status == OrderStatus.Cancelled)
        {
            return false;
        }

        if (!OrderTransitions.IsBeforeShipment(Status))
        {
            throw new ConflictException($"Order {Number} is {Status}; only orders not yet shipped can be cancelled.");
        }

        EnsureNotBeingChanged(now);

        MoveTo(OrderStatus.Cancelled, actor, now, "Cancelled", reason);
        foreach (var hold in ActiveHolds.ToList())
        {
            hold.Release("Order cancelled", actor, now);
        }

        return true;
    }

    public void MergeInto(Order target, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        EnsureNotBeingChanged(now);
        MergedIntoOrderId = target.Id;
        MoveTo(OrderStatus.Cancelled, actor, now, "Merged", $"Merged into {target.Number} to ship together");
    }
}
