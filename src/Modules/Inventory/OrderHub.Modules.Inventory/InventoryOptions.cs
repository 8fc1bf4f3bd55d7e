namespace OrderHub.Modules.Inventory;

/// <summary>Bound from <c>OrderHub:Inventory</c>.</summary>
internal sealed class InventoryOptions
{
    public const string SectionName = "OrderHub:Inventory";

    /// <summary>How long an untouched reservation holds stock before <c>ReleaseExpiredReservationsJob</c> releases it.</summary>
    public TimeSpan ReservationExpiry { get; set; } = TimeSpan.FromDays(3);
}
