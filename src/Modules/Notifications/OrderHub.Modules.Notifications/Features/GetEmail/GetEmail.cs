using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Notifications.Features.ListEmails;
using OrderHub.Modules.Notifications.Persistence;

namespace OrderHub.Modules.Notifications.Features.GetEmail;

/// <summary>One email as it was (or will be) sent: its delivery state and both bodies, for support to see what a customer got.</summary>
internal sealed record GetEmailQuery(Guid Id) : IQuery<EmailContentDto>;

internal sealed record EmailContentDto(EmailDto Email, string Text, string? Html);

internal sealed class GetEmailHandler(NotificationsDbContext db) : IQueryHandler<GetEmailQuery, EmailContentDto>
{
    public async ValueTask<EmailContentDto> Handle(GetEmailQuery query, CancellationToken cancellationToken)
    {
        var email = await db.EmailMessages.AsNoTracking().SingleOrDefaultAsync(e => e.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Email", query.Id.ToString());
        return new EmailContentDto(ListEmailsHandler.Dto(email), email.Body, email.HtmlBody);
    }
}

internal static class GetEmailEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/emails/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetEmailQuery(id), ct)))
            .WithName("GetEmail")
            .WithSummary("One email: its delivery state, the plain-text body and the HTML body (customer emails).")
            .Produces<EmailContentDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
