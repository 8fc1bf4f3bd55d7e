using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Fulfillment.Features.GetFulfillment;
using OrderHub.Modules.Fulfillment.Features.PackFulfillment;

namespace OrderHub.Web.Areas.Fulfillment.Controllers;

/// <summary>One fulfillment: what was picked, its packages, and packing at the bench (OrderHub chooses the boxes).</summary>
[Area("Fulfillment")]
[Route("fulfillment/fulfillments")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = PickListsController.ReadRoles)]
public sealed class FulfillmentsController(ISender sender, ILogger<FulfillmentsController> logger) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return View(await PageAsync(id, null, cancellationToken));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>Packs into the cheapest boxes; the form's idempotency key makes a double submit one packing.</summary>
    [HttpPost("{id:guid}/pack"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = PickListsController.WorkRoles)]
    public async Task<IActionResult> Pack(Guid id, string? idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var packed = await sender.Send(new PackFulfillmentCommand
            {
                FulfillmentId = id,
                IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey,
                Actor = Actors.Of(User),
            }, cancellationToken);
            logger.LogInformation("Staff {Staff} packed order {OrderNumber} at {LocationCode}: {Packages} package(s)", User.Identity?.Name, packed.OrderNumber, packed.LocationCode, packed.Packages.Count);
            return RedirectToAction(nameof(Show), new { id });
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception ex) when (Refusals.IsRefusal(ex))
        {
            return View(nameof(Show), await PageAsync(id, Refusals.Message(ex), cancellationToken));
        }
    }

    private async Task<FulfillmentPageModel> PageAsync(Guid id, string? error, CancellationToken cancellationToken) =>
        new(await sender.Send(new GetFulfillmentQuery(id), cancellationToken), Guid.NewGuid().ToString()) { Error = error };
}

/// <summary>The fulfillment, a fresh idempotency key for the pack form, and a refusal to show.</summary>
internal sealed record FulfillmentPageModel(FulfillmentDetailsDto Details, string IdempotencyKey)
{
    public string? Error { get; init; }
}
