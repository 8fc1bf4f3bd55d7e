using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Modules.Notifications.Features.ListStaffAlerts;

internal static class ListStaffAlertsEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/alerts", async (string? status, string? kind, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListStaffAlertsQuery(status, kind), ct)))
            .RequireAuthorization(ApiScopes.NotificationsRead)
            .WithName("ListStaffAlerts")
            .WithSummary("Staff alerts: open ones (status=open, the default; critical first) or the acknowledged history (status=acknowledged), optionally of one kind.")
            .WithDescription(
                "Kinds: ShipmentException, LowStock, ComplianceHold, StartPicking, OrderStuck, ShipmentLate, LabelFailing, WebhookDisabled, JobFailing. " +
                "Each alert says what to do (`whatToDo`) and links to the back-office page to act on (`link`). An unknown status or kind is a 400 problem.")
            .Produces<IReadOnlyList<StaffAlertDto>>()
            .ProducesValidationProblem();
}
