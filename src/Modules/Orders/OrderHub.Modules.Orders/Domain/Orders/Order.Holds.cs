using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>Holds: placed by a rule, released by a person or by the system that placed them; a backorder is a self-clearing hold.</summary>
internal sealed partial class Order
{
    public bool HasActiveHold(HoldType type) => ActiveHolds.Any(h => h.Type == type);

    /// <summary>True while a hold of the rule named <paramref name="ruleName"/> (a <see cref="HoldRule"/>'s) is active.</summary>
    public bool IsHeldBy(string ruleName) => ActiveHolds.Any(h => h.Rule == ruleName);

    public void PlaceHold(HoldRule rule, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (ActiveHolds.Any(h => h.Type == rule.Type && h.Reason == rule.Reason))
        {
            return; // the same cause is already held
        }

        MoveTo(OrderStatus.OnHold, actor, now, "HoldPlaced", $"{rule.Type} hold: {rule.Reason}");
        _holds.Add(new OrderHold(Id, rule.Type, rule.Reason, rule.Name.Length == 0 ? null : rule.Name, actor, now));
    }

    /// <summary>Releases every active hold of the type. The placement flow then resumes from where it stopped.</summary>
    public void ReleaseHold(HoldType type, string reason, string actor, DateTimeOffset now)
    {
        EnsureNotBeingChanged(now);
        var holds = ActiveHolds.Where(h => h.Type == type).ToList();
        if (holds.Count == 0)
        {
            throw new ConflictException($"Order {Number} has no active {type} hold.");
        }

        foreach (var hold in holds)
        {
            hold.Release(reason, actor, now);
        }

        Record(now, "HoldReleased", $"{type} hold released: {reason}", actor);
        if (!ActiveHolds.Any())
        {
            MoveTo(OrderStatus.Received, actor, now, "Resumed", "No holds left; placement resumes");
        }
    }

    /// <summary>
    /// Stock is short but expected supply covers it: the order waits in Backordered (timeline names the expected date)
    /// on an Inventory hold of the <see cref="BackorderedRule"/>, until Inventory allocates the stock.
    /// </summary>
    public void MarkBackordered(string shortages, DateTimeOffset expectedAt, string actor, DateTimeOffset now)
    {
        if (IsHeldBy(BackorderedRule.RuleName))
        {
            return; // already waiting
        }

        var expected = expectedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var rule = new BackorderedRule(expected, shortages);
        MoveTo(OrderStatus.Backordered, actor, now, "Backordered", $"Waiting on expected supply, expected by {expected}: {shortages}");
        _holds.Add(new OrderHold(Id, rule.Type, rule.Reason, rule.Name, actor, now));
    }

    /// <summary>
    /// Inventory allocated the backordered stock: the backorder hold is released and, with no other hold left, the order
    /// is Received again so placement resumes. False when the order was not waiting on a backorder (e.g. cancelled).
    /// </summary>
    public bool LeaveBackorder(string detail, string actor, DateTimeOffset now)
    {
        var holds = ActiveHolds.Where(h => h.Rule == BackorderedRule.RuleName).ToList();
        if (holds.Count == 0)
        {
            return false;
        }

        foreach (var hold in holds)
        {
            hold.Release(detail, actor, now);
        }

        if (ActiveHolds.Any())
        {
            Record(now, "BackorderAllocated", detail, actor);
        }
        else
        {
            MoveTo(OrderStatus.Received, actor, now, "BackorderAllocated", $"{detail}; placement resumes");
        }

        return true;
    }
}
