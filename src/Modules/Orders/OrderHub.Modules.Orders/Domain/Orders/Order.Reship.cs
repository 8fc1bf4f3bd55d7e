using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>
/// Reships: units of a shipped order sent again at no charge (lost, broken, corked). The replacement is a new order,
/// placed like any other so stock, the law and sourcing apply; this order only says what it sent and where.
/// </summary>
internal sealed partial class Order
{
    public const string ReshippedEvent = "Reshipped";
    public const string ReplacementForEvent = "ReplacementFor";

    /// <summary>
    /// What a replacement of this order sends: <paramref name="requested"/>, or every unit that left when none are named.
    /// Only goods that left can be replaced: an order not Shipped, PartiallyShipped or Delivered is a 409 (before
    /// shipment, change or cancel it; once returned, its goods came back and the return refunds them); a carry-out, handed
    /// over at the counter, and a SKU or quantity beyond what left are 422.
    /// </summary>
    public IReadOnlyList<(string Sku, int Quantity)> ReshipLines(IReadOnlyList<(string Sku, int Quantity)>? requested)
    {
        if (Status is not (OrderStatus.Shipped or OrderStatus.PartiallyShipped or OrderStatus.Delivered))
        {
            throw new ConflictException(
                $"Order {Number} is {Status}; only an order that has shipped (Shipped, PartiallyShipped or Delivered) can be reshipped.");
        }

        BusinessRules.Check(new CarryOutIsNotReshippedRule(Number, IsCarryOut));
        var left = UnitsThatLeft();
        if (requested is null || requested.Count == 0)
        {
            return [.. left.Where(l => l.Quantity > 0)];
        }

        foreach (var (sku, quantity) in requested)
        {
            BusinessRules.Check(new ReshipMustNotExceedShippedRule(Number, sku, quantity, left.Where(l => l.Sku == sku).Sum(l => l.Quantity)));
        }

        return requested;
    }

    /// <summary>This order was replaced (in part): the replacement's number and what it sends, on the timeline.</summary>
    public void RecordReshipped(string replacementNumber, string units, string reason, string actor, DateTimeOffset now) =>
        Record(now, ReshippedEvent, $"Reshipped as {replacementNumber} ({units}) at no charge: {reason}", actor);

    /// <summary>This order replaces units of <paramref name="originalNumber"/>: on its timeline from the start.</summary>
    public void RecordReplacementFor(string originalNumber, string reason, string actor, DateTimeOffset now) =>
        Record(now, ReplacementForEvent, $"Replacement for {originalNumber} at no charge: {reason}", actor);

    /// <summary>Units per SKU (in line order) that left with a carrier: all live units once the order is Shipped or Delivered.</summary>
    private List<(string Sku, int Quantity)> UnitsThatLeft() =>
    [
        .. _lines.Where(l => l.Status != OrderStatus.Cancelled)
            .OrderBy(l => l.LineNumber)
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(l => Status == OrderStatus.PartiallyShipped ? l.ShippedQuantity : l.Quantity))),
    ];
}

/// <summary>
/// A replacement order links to the order it replaces by its <c>externalReference</c>, <c>reship:&lt;number&gt;</c>; the
/// prefix is reserved for them (no client may place an order that claims to be one).
/// </summary>
internal static class ReshipReferences
{
    public const string Prefix = "reship:";

    public static string For(string originalNumber) => Prefix + originalNumber;

    /// <summary>The replaced order's number, or null when <paramref name="externalReference"/> is not a reship's.</summary>
    public static string? OriginalNumberOf(string? externalReference) =>
        externalReference is not null && externalReference.StartsWith(Prefix, StringComparison.Ordinal) ? externalReference[Prefix.Length..] : null;

    public static bool IsReserved(string? externalReference) =>
        externalReference is not null && externalReference.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A carry-out sale was handed over at the counter: there is no shipment to replace.</summary>
internal sealed class CarryOutIsNotReshippedRule(string orderNumber, bool isCarryOut) : IBusinessRule
{
    public bool IsBroken() => isCarryOut;

    public string Message => $"Order {orderNumber} was carried out at the counter; a reship replaces shipped goods only.";
}

/// <summary>A replacement sends again at most what the order shipped of a SKU.</summary>
internal sealed class ReshipMustNotExceedShippedRule(string orderNumber, string sku, int requested, int shipped) : IBusinessRule
{
    public bool IsBroken() => requested > shipped;

    public string Message => shipped == 0
        ? $"Order {orderNumber} shipped no {sku}; a reship sends again only what the order shipped."
        : $"Cannot reship {requested} × {sku}: order {orderNumber} shipped {shipped}.";
}
