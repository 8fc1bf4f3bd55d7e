using OrderHub.Modules.Notifications.Domain.Alerts;

namespace OrderHub.Modules.Notifications.Features.RaiseStaffAlert;

/// <summary><c>OrderHub:Notifications</c>: who is emailed which alert, and when a scan calls something stuck or late.</summary>
internal sealed class StaffAlertsOptions
{
    public const string SectionName = "OrderHub:Notifications";

    /// <summary>
    /// <c>AlertEmails:&lt;Kind&gt;</c> = the mailbox of the role that acts on that kind (e.g. <c>AlertEmails:ShipmentException</c> =
    /// <c>shipping-desk@example.com</c>). A kind without one is only shown in the back-office; LowStock falls back to
    /// <c>StaffEmail</c>.
    /// </summary>
    public Dictionary<string, string> AlertEmails { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The back-office's public address (e.g. <c>https://orderhub.example.com</c>), so an emailed alert links to its page.</summary>
    public string? BackOfficeUrl { get; set; }

    /// <summary><c>StuckOrderHours:&lt;Status&gt;</c>: an order with nothing on its timeline for longer is stuck. A status not listed is never stuck.</summary>
    public Dictionary<string, double> StuckOrderHours { get; set; } = new(StringComparer.Ordinal)
    {
        ["Received"] = 1,
        ["ReadyToFulfill"] = 24,
        ["Picking"] = 24,
        ["Packed"] = 24,
    };

    /// <summary>A Compliance hold waits this long before it is an alert (0: at the next scan).</summary>
    public double ComplianceHoldMinutes { get; set; }

    /// <summary>A label still not bought this long after its shipment last changed (and due to ship) is failing.</summary>
    public double LabelPendingMinutes { get; set; } = 30;

    /// <summary>The mailbox for <paramref name="kind"/>, or null when it is not emailed.</summary>
    public string? EmailFor(AlertKind kind, string? staffEmail) =>
        AlertEmails.TryGetValue(kind.ToString(), out var to) && !string.IsNullOrWhiteSpace(to) ? to
        : kind == AlertKind.LowStock ? staffEmail
        : null;
}
