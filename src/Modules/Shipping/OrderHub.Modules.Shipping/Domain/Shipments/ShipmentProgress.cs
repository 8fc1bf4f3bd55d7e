namespace OrderHub.Modules.Shipping.Domain.Shipments;

/// <summary>
/// A shipment's status from the set of its tracking events, whatever order they arrived in and however often: a final
/// status (delivered, returned) wins once reported; otherwise the latest scan does, and two scans at the same instant
/// rank by how far along they are. Being a function of the set, duplicates and late arrivals converge to one answer, and
/// an older event never moves a shipment back.
/// </summary>
internal static class ShipmentProgress
{
    public static ShipmentStatus? StatusOf(IEnumerable<(ShipmentStatus Status, DateTimeOffset At)> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var all = events.ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var candidates = all.Any(e => e.Status.IsFinal()) ? all.Where(e => e.Status.IsFinal()) : all;
        return candidates.OrderByDescending(e => e.At).ThenByDescending(e => Rank(e.Status)).First().Status;
    }

    private static int Rank(ShipmentStatus status) => status switch
    {
        ShipmentStatus.InTransit => 1,
        ShipmentStatus.Exception => 2,
        ShipmentStatus.OutForDelivery => 3,
        ShipmentStatus.ReturnedToSender => 4,
        ShipmentStatus.Delivered => 5,
        _ => 0,
    };
}
