using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Notifications.Features.ListEmails;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.RetryEmail;

/// <summary>Sends a failed email again: queued with a fresh count of attempts (the mail job takes it within a minute).</summary>
internal sealed record RetryEmailCommand(Guid Id, string Actor = "") : ICommand<EmailDto>;

internal sealed partial class RetryEmailHandler(NotificationsDbContext db, ILogger<RetryEmailHandler> logger) : ICommandHandler<RetryEmailCommand, EmailDto>
{
    public async ValueTask<EmailDto> Handle(RetryEmailCommand command, CancellationToken cancellationToken)
    {
        var email = await db.EmailMessages.SingleOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Email", command.Id.ToString());
        email.Retry();
        await db.SaveChangesAsync(cancellationToken);
        LogRetried(command.Actor, email.Kind, email.OrderNumber, email.Id);
        return ListEmailsHandler.Dto(email);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {Actor} queued the failed {Kind} email for order {OrderNumber} again ({EmailId})")]
    private partial void LogRetried(string actor, string? kind, string? orderNumber, Guid emailId);
}

internal static class RetryEmailEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/emails/{id:guid}/retry", async (Guid id, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetryEmailCommand(id, Actors.Of(user)), ct)))
            .WithName("RetryEmail")
            .WithSummary("Queues a failed email again with a fresh count of attempts.")
            .WithDescription("404 when no email has this id; 409 when it is not Failed (queued, being sent, or sent).")
            .Produces<EmailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
