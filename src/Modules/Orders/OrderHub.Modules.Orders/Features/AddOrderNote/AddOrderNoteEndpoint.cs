using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Orders.Features.GetOrderDetails;

namespace OrderHub.Modules.Orders.Features.AddOrderNote;

internal static class AddOrderNoteEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/orders/{id:guid}/notes", async (Guid id, AddOrderNoteRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new AddOrderNoteCommand(id, request.Text, Actors.Of(user)), ct);
                return TypedResults.Ok(await sender.Send(new GetOrderDetailsQuery(id), ct));
            })
            .WithName("AddOrderNote")
            .WithSummary("Adds a note to the order's timeline (event NoteAdded, with who wrote it).")
            .Produces<OrderDetailsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
