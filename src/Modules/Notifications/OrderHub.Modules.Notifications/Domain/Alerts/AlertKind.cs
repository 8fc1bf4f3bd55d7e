namespace OrderHub.Modules.Notifications.Domain.Alerts;

/// <summary>What a staff alert is about; each kind may be emailed to a role's mailbox (<c>OrderHub:Notifications:AlertEmails:&lt;Kind&gt;</c>).</summary>
internal enum AlertKind
{
    /// <summary>A carrier scanned a shipment as Exception (Shipping).</summary>
    ShipmentException,

    /// <summary>A SKU ran low at a location (Inventory's daily reorder check).</summary>
    LowStock,

    /// <summary>An order waits on a Compliance hold (Orders).</summary>
    ComplianceHold,

    /// <summary>A warehouse has new work ready to pick (Fulfillment sourced orders to it).</summary>
    StartPicking,

    /// <summary>An order sat in one status longer than its threshold (Orders).</summary>
    OrderStuck,

    /// <summary>A shipment is past its estimated delivery and not delivered (Shipping).</summary>
    ShipmentLate,

    /// <summary>A shipment's label was not bought long after it was due: the carriers keep refusing (Shipping).</summary>
    LabelFailing,

    /// <summary>An outbound webhook endpoint was disabled after failing (comes with outbound webhooks).</summary>
    WebhookDisabled,

    /// <summary>A background job failed for good (Hangfire gave up after its retries): mail, carriers, imports, sweeps.</summary>
    JobFailing,
}

internal enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
