namespace OrderHub.Modules.Notifications.Features.QueueLowStockAlert;

/// <summary><c>OrderHub:Notifications</c>: where staff alerts go.</summary>
internal sealed class StaffAlertOptions
{
    public const string SectionName = "OrderHub:Notifications";

    /// <summary>The staff mailbox for stock alerts (<c>OrderHub:Notifications:StaffEmail</c>).</summary>
    public string StaffEmail { get; set; } = "inventory@orderhub.local";
}
