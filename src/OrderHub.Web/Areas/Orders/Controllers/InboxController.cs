using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;
using OrderHub.Modules.Fulfillment.Features.GetSourcingDecision;
using OrderHub.Modules.Orders.Features.CancelOrder;
using OrderHub.Modules.Orders.Features.GetOrderDetails;
using OrderHub.Modules.Orders.Features.SearchOrders;

namespace OrderHub.Web.Areas.Orders.Controllers;

/// <summary>The customer-service orders inbox: search, open an order, cancel it. Thin: it only sends requests.</summary>
[Area("Orders")]
[Route("orders")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = "Admin,CustomerService")]
public sealed class InboxController(ISender sender, ILogger<InboxController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? email, string? number, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = new SearchOrdersQuery(
            string.IsNullOrWhiteSpace(status) ? null : status, email, number, null, null, null, null, null, null, Math.Max(1, page), 25);
        ViewData["status"] = status;
        ViewData["email"] = email;
        ViewData["number"] = number;
        return View(await sender.Send(query, cancellationToken));
    }

    /// <summary>The order with where it ships from and why (the sourcing decision) and its fulfillments.</summary>
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var order = await sender.Send(new GetOrderDetailsQuery(id), cancellationToken);
        SourcingDecisionDto? sourcing;
        try
        {
            sourcing = await sender.Send(new GetSourcingDecisionQuery(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            sourcing = null; // not sourced yet (or being sourced again after a change)
        }

        return View(new OrderPageModel(order, sourcing, await sender.Send(new GetOrderFulfillmentsQuery(id), cancellationToken)));
    }

    [HttpPost("{id:guid}/cancel"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Cancel(Guid id, string? reason, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new CancelOrderCommand(id, reason, $"staff:{User.Identity?.Name}"), cancellationToken);
            logger.LogInformation("Staff {Staff} cancelled order {OrderId}", User.Identity?.Name, id);
        }
        catch (Exception ex) when (ex is FluentValidation.ValidationException or ConflictException)
        {
            TempData["error"] = ex is ConflictException ? ex.Message : "A reason is required to cancel.";
        }

        return RedirectToAction(nameof(Details), new { id });
    }
}

/// <summary>The order page: the order, its sourcing decision (null until sourced) and its fulfillments.</summary>
internal sealed record OrderPageModel(OrderDetailsDto Order, SourcingDecisionDto? Sourcing, IReadOnlyList<FulfillmentDto> Fulfillments);
