using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Compliance.Features.GetComplianceDecision;
using OrderHub.Modules.Compliance.Features.GetComplianceDocument;
using OrderHub.Modules.Compliance.Features.GetOrderComplianceDecisions;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;
using OrderHub.Modules.Fulfillment.Features.GetSourcingDecision;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Notifications.Features.ListEmails;
using OrderHub.Modules.Orders.Features.AddOrderNote;
using OrderHub.Modules.Orders.Features.CancelOrder;
using OrderHub.Modules.Orders.Features.ChangeOrder;
using OrderHub.Modules.Orders.Features.GetOrderDetails;
using OrderHub.Modules.Orders.Features.PlaceHold;
using OrderHub.Modules.Orders.Features.PlaceOrder;
using OrderHub.Modules.Orders.Features.ReleaseHold;
using OrderHub.Modules.Orders.Features.ReshipOrder;
using OrderHub.Modules.Orders.Features.ResumePlacement;
using OrderHub.Modules.Orders.Placement;
using OrderHub.Modules.Payments.Contracts.Commands;
using OrderHub.Modules.Payments.Contracts.Queries;

namespace OrderHub.Web.Areas.Orders.Controllers;

/// <summary>
/// One order for customer service: what it is (lines with the wine's name, holds, payments, emails, compliance,
/// sourcing, fulfillments, shipments, timeline) and what staff may do to it. Thin: every action is one request to its
/// module with the staff member as actor (<c>staff:&lt;name&gt;</c>, on the order's timeline); a refusal comes back to
/// the page as a message, never as a 500 or problem JSON.
/// </summary>
[Area("Orders")]
[Route("orders/{id:guid}")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ReadRoles)]
public sealed class OrderPageController(ISender sender, ILogger<OrderPageController> logger) : Controller
{

    [HttpGet("")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var order = await sender.Send(new GetOrderDetailsQuery(id), cancellationToken); // unknown: the "Order not found" page

        SourcingDecisionDto? sourcing;
        try
        {
            sourcing = await sender.Send(new GetSourcingDecisionQuery(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            sourcing = null; // not sourced yet (or being sourced again after a change)
        }

        var products = await sender.Send(new GetProductsBySkuQuery([.. order.Lines.Select(l => l.Sku).Distinct()]), cancellationToken);
        return View(new OrderPageModel(
            order,
            sourcing,
            await sender.Send(new GetOrderFulfillmentsQuery(id), cancellationToken),
            products.ToDictionary(p => p.Sku, StringComparer.Ordinal),
            await sender.Send(new GetOrderPaymentsQuery(id), cancellationToken),
            await sender.Send(new ListEmailsQuery(order.Number), cancellationToken),
            await sender.Send(new GetOrderComplianceDecisionsQuery(id), cancellationToken),
            OrderDesk.CanAct(User),
            Guid.NewGuid().ToString("N")));
    }

    /// <summary>A compliance decision of this order as its PDF, shown in the browser.</summary>
    [HttpGet("compliance/{decisionId:guid}/document.pdf")]
    public async Task<IActionResult> ComplianceDocumentPdf(Guid id, Guid decisionId, CancellationToken cancellationToken)
    {
        try
        {
            var decision = await sender.Send(new GetComplianceDecisionQuery(decisionId), cancellationToken);
            if (decision.OrderId != id)
            {
                return NotFound();
            }

            Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = $"compliance-{decision.OrderNumber}.pdf" }.ToString();
            return File(ComplianceDocument.Render(decision), "application/pdf");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    [HttpPost("holds"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public Task<IActionResult> PlaceHold(Guid id, string? type, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, $"{type} hold placed.", () => sender.Send(new PlaceHoldCommand(id, type, reason, Actor), cancellationToken).AsTask(), cancellationToken);

    /// <summary>Releases every active hold of a type with a reason; placement then resumes (as the API's release does).</summary>
    [HttpPost("holds/{type}/release"), ValidateAntiForgeryToken]
    public async Task<IActionResult> ReleaseHold(Guid id, string type, string? reason, CancellationToken cancellationToken)
    {
        if (!OrderDesk.CanRelease(User, type))
        {
            return Forbid();
        }

        return await ActAsync(id, $"{type} hold released.", async () =>
        {
            await sender.Send(new ReleaseHoldCommand(id, type, reason, Actor), cancellationToken);
            await sender.Send(new ResumePlacementCommand(id), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The customer's date of birth (the way out of an age hold) and/or phone.</summary>
    [HttpPost("customer"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public Task<IActionResult> ChangeCustomer(Guid id, DateOnly? dateOfBirth, string? phone, string? reason, string? changeKey, CancellationToken cancellationToken) =>
        ChangeAsync(id, new ChangeOrderRequest(null, null, reason, new CustomerChangeInput(dateOfBirth, string.IsNullOrWhiteSpace(phone) ? null : phone)), changeKey, "Customer details changed.", cancellationToken);

    /// <summary>A new card (the way out of a Payment hold): the total is authorized on it.</summary>
    [HttpPost("payment"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public Task<IActionResult> ChangeCard(Guid id, string? token, string? reason, string? changeKey, CancellationToken cancellationToken) =>
        ChangeAsync(id, new ChangeOrderRequest(null, null, reason, null, new PaymentInput("Card", token)), changeKey, "New card taken.", cancellationToken);

    [HttpPost("address"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public Task<IActionResult> ChangeAddress(
        Guid id, string? line1, string? line2, string? city, string? region, string? postalCode, string? country, string? reason, string? changeKey,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, new ChangeOrderRequest(null, new AddressInput(line1, Blank(line2), city, region, postalCode, country), reason), changeKey, "Shipping address changed.", cancellationToken);

    /// <summary>The complete new set of lines: a quantity of 0 (or an empty SKU) drops a line.</summary>
    [HttpPost("lines"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public Task<IActionResult> ChangeLines(Guid id, List<LineForm>? lines, string? reason, string? changeKey, CancellationToken cancellationToken)
    {
        var kept = (lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l.Sku) && l.Quantity != 0).Select(l => new LineInput(l.Sku!.Trim(), l.Quantity)).ToList();
        return ChangeAsync(id, new ChangeOrderRequest(kept, null, reason), changeKey, "Lines changed.", cancellationToken);
    }

    [HttpPost("cancel"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public Task<IActionResult> Cancel(Guid id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, "Order cancelled.", () => sender.Send(new CancelOrderCommand(id, reason, Actor), cancellationToken).AsTask(), cancellationToken);

    /// <summary>Refunds captured money; the refund (or its refusal) is written on the order's timeline by who asked.</summary>
    [HttpPost("refunds"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public Task<IActionResult> Refund(Guid id, decimal? amount, string? reason, string? refundKey, CancellationToken cancellationToken) =>
        ActAsync(id, "Refund issued.", async () =>
        {
            if (amount is not > 0 || string.IsNullOrWhiteSpace(reason))
            {
                throw new BusinessRuleViolationException("RefundInput", "A refund needs an amount above zero and a reason.");
            }

            var key = $"desk-refund:{id:N}:{(string.IsNullOrWhiteSpace(refundKey) ? Guid.NewGuid().ToString("N") : refundKey)}";
            var result = await sender.Send(new RefundPaymentCommand(key, id, amount.Value, reason.Trim()), cancellationToken);
            if (result.Outcome != PaymentOutcome.Succeeded)
            {
                throw new BusinessRuleViolationException("RefundNotIssued", $"The refund was not issued: {result.Message ?? result.DeclineCode ?? result.Outcome.ToString()}.");
            }

            await sender.Send(new AddOrderNoteCommand(id, $"Refund of {result.Amount:0.00} {result.Currency} issued ({result.Reference}): {reason.Trim()}", Actor), cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// A replacement of a shipped order at no charge (a new order; quantity 0 leaves a line out): the page of the new
    /// order follows, linked to this one. A double submit is one reship (the form's key).
    /// </summary>
    [HttpPost("reship"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public Task<IActionResult> Reship(Guid id, List<LineForm>? lines, string? reason, string? reshipKey, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            var chosen = (lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l.Sku) && l.Quantity != 0).Select(l => new LineInput(l.Sku!.Trim(), l.Quantity)).ToList();
            var key = string.IsNullOrWhiteSpace(reshipKey) ? Guid.NewGuid().ToString("N") : reshipKey.Trim();
            var reship = await sender.Send(new ReshipOrderCommand(new ReceiveReshipCommand(id, new ReshipOrderRequest(reason, chosen), key, Actor)), cancellationToken);
            return reship.Placement is { Outcome: PlacementOutcome.Refused } refused
                ? new DeskOutcome(reship.OrderId, $"Replacement {reship.OrderNumber} for {reship.OriginalNumber} was refused ({refused.Rule}): {refused.Reason}", IsError: true)
                : new DeskOutcome(reship.OrderId, $"Replacement {reship.OrderNumber} created for {reship.OriginalNumber} at no charge.");
        }, cancellationToken);

    [HttpPost("notes"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public Task<IActionResult> AddNote(Guid id, string? text, CancellationToken cancellationToken) =>
        ActAsync(id, "Note added.", () => sender.Send(new AddOrderNoteCommand(id, text, Actor), cancellationToken).AsTask(), cancellationToken);

    private string Actor => Actors.Of(User);

    private Task<IActionResult> ChangeAsync(Guid id, ChangeOrderRequest change, string? changeKey, string done, CancellationToken cancellationToken) =>
        ActAsync(id, done, async () =>
        {
            // The key comes with the form, so a double submit is the same change (answered once), not two.
            var key = string.IsNullOrWhiteSpace(changeKey) ? Guid.NewGuid().ToString("N") : changeKey.Trim();
            if (await sender.Send(new ChangeOrderCommand(id, change, key[..Math.Min(key.Length, ChangeOrderCommand.MaxClientKeyLength)], Actor), cancellationToken))
            {
                await sender.Send(new ResumePlacementCommand(id), cancellationToken); // the change cleared the last hold: placement's next step is due
            }
        }, cancellationToken);

    private Task<IActionResult> ActAsync(Guid id, string done, Func<Task> action, CancellationToken cancellationToken) =>
        ActAsync(id, async () =>
        {
            await action();
            return new DeskOutcome(id, done);
        }, cancellationToken);

    /// <summary>Runs a desk action; its outcome names the order page to show next (this order, or one it made) and the message.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<DeskOutcome>> action, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await action();
            logger.LogInformation("Staff {Staff} on order {OrderId}: {Done}", User.Identity?.Name, id, outcome.Message);
            TempData[outcome.IsError ? "error" : "notice"] = outcome.Message;
            return RedirectToAction(nameof(Details), new { id = outcome.Show });
        }
        catch (Exception ex) when (OrderDesk.IsRefusal(ex))
        {
            if (ex is NotFoundException && !await ExistsAsync(id, cancellationToken))
            {
                return NotFound();
            }

            TempData["error"] = OrderDesk.Message(ex);
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new GetOrderDetailsQuery(id), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>What a desk action did: the order page to show next and the message for it.</summary>
internal sealed record DeskOutcome(Guid Show, string Message, bool IsError = false);

/// <summary>One line of the lines form.</summary>
public sealed class LineForm
{
    public string? Sku { get; set; }

    public int Quantity { get; set; }
}

/// <summary>The order page: the order and everything around it that staff look at.</summary>
internal sealed record OrderPageModel(
    OrderDetailsDto Order,
    SourcingDecisionDto? Sourcing,
    IReadOnlyList<FulfillmentDto> Fulfillments,
    IReadOnlyDictionary<string, ProductInfoDto> Products,
    OrderPaymentsDto Payments,
    IReadOnlyList<EmailDto> Emails,
    IReadOnlyList<OrderComplianceDecisionDto> ComplianceDecisions,
    bool CanAct,
    string FormKey)
{
    public ProductInfoDto? Product(string sku) => Products.GetValueOrDefault(sku);

    /// <summary>A bottle size as the trade says it: 375 ml, 750 ml, 1.5 L.</summary>
    public static string Size(int? ml) => ml switch
    {
        null => "-",
        >= 1000 => $"{ml / 1000m:0.##} L",
        _ => $"{ml} ml",
    };
}
