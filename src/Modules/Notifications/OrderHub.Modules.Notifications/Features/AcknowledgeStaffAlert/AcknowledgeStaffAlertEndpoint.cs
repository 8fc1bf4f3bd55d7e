using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Features.ListStaffAlerts;

namespace OrderHub.Modules.Notifications.Features.AcknowledgeStaffAlert;

internal static class AcknowledgeStaffAlertEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/alerts/{id:guid}/acknowledge", async (Guid id, AcknowledgeStaffAlertRequest? request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AcknowledgeStaffAlertCommand(id, request?.Note, Actors.Of(user)), ct)))
            .RequireAuthorization(ApiScopes.NotificationsWrite)
            .WithName("AcknowledgeStaffAlert")
            .WithSummary("Marks an open alert handled, with an optional note (at most 500 characters); it moves to the history with who and when.")
            .WithDescription("404 when no alert has this id; 409 when it was already acknowledged (the problem says by whom and when).")
            .Accepts<AcknowledgeStaffAlertRequest>("application/json")
            .Produces<StaffAlertDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
