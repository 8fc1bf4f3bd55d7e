using Mediator;

namespace OrderHub.Modules.Notifications.Features.ScanForStaffAlerts;

/// <summary>Asks the owning modules what waits too long (stuck orders, Compliance holds, late shipments, failing labels) and raises an alert for each; the number raised.</summary>
internal sealed record ScanForStaffAlertsCommand : ICommand<int>;
