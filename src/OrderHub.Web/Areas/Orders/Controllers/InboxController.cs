using System.Globalization;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Modules.Fulfillment.Features.GetOrderFulfillments;
using OrderHub.Modules.Orders.Features.CountOrders;
using OrderHub.Modules.Orders.Features.ExportOrders;
using OrderHub.Modules.Orders.Features.GetOrderDetails;
using OrderHub.Modules.Orders.Features.ReleaseHold;
using OrderHub.Modules.Orders.Features.ResumePlacement;
using OrderHub.Modules.Orders.Features.SearchOrders;
using SpreadCheetah;

namespace OrderHub.Web.Areas.Orders.Controllers;

/// <summary>
/// The customer-service orders inbox: filters (number, email, status, channel, SKU, hold type, placed from/to), counts
/// per status and hold type, paging, export of the current filter as CSV or XLSX, and bulk actions on checked orders
/// (release holds with a reason, print pick lists) behind a confirmation page. Thin: it only sends requests.
/// </summary>
[Area("Orders")]
[Route("orders")]
[Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ReadRoles)]
public sealed class InboxController(ISender sender, ILogger<InboxController> logger) : Controller
{

    /// <summary>Orders a bulk action takes at once.</summary>
    public const int MaxBulk = 100;

    private const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] InboxFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var counts = await sender.Send(new CountOrdersQuery(), cancellationToken);
        try
        {
            var result = await sender.Send(filter.ToQuery(Math.Max(1, page), PageSize), cancellationToken);
            return View(new InboxPageModel(filter, result, counts, null, OrderDesk.CanAct(User)));
        }
        catch (FluentValidation.ValidationException ex)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new InboxPageModel(filter, new OrderPageDto([], 1, PageSize, 0), counts, OrderDesk.Message(ex), OrderDesk.CanAct(User)));
        }
    }

    /// <summary>Every order of the current filter (not only the page) as CSV or XLSX, up to <see cref="ExportOrdersQuery.MaxRows"/>.</summary>
    [HttpGet("export.{format:regex(^(csv|xlsx)$)}")]
    public async Task<IActionResult> Export(string format, [FromQuery] InboxFilter filter, CancellationToken cancellationToken)
    {
        ExportedOrdersDto exported;
        try
        {
            exported = await sender.Send(new ExportOrdersQuery(filter.ToQuery(1, PageSize)), cancellationToken);
        }
        catch (FluentValidation.ValidationException ex)
        {
            return BadRequest(OrderDesk.Message(ex));
        }

        logger.LogInformation("Staff {Staff} exported {Count} order(s) as {Format}", User.Identity?.Name, exported.Orders.Count, format);
        if (exported.Truncated)
        {
            Response.Headers["X-OrderHub-Truncated"] = $"first {ExportOrdersQuery.MaxRows} orders";
        }

        var name = $"orders-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        return format == "csv"
            ? File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(exported.Orders))).ToArray(), "text/csv; charset=utf-8", $"{name}.csv")
            : File(await XlsxAsync(exported.Orders, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx");
    }

    /// <summary>The first step of a bulk action: the checked orders and what will be done, to confirm.</summary>
    [HttpPost("bulk"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public async Task<IActionResult> Bulk(string? action, List<Guid>? ids, string? holdType, CancellationToken cancellationToken)
    {
        var chosen = (ids ?? []).Distinct().ToList();
        if (action is not ("release" or "picklists") || chosen.Count == 0 || chosen.Count > MaxBulk)
        {
            TempData["error"] = chosen.Count > MaxBulk ? $"Check at most {MaxBulk} orders at once." : "Check some orders, then choose a bulk action.";
            return Redirect(Request.Headers.Referer.FirstOrDefault() is { Length: > 0 } back && Uri.TryCreate(back, UriKind.Absolute, out var uri) ? uri.PathAndQuery : "/orders");
        }

        var orders = await OrdersAsync(chosen, cancellationToken);
        return View("BulkConfirm", new BulkConfirmModel(action, orders, holdType));
    }

    /// <summary>Confirmed: releases the chosen type of hold of every checked order with one reason; each result is shown.</summary>
    [HttpPost("bulk/release"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public async Task<IActionResult> BulkRelease(List<Guid>? ids, string? holdType, string? reason, CancellationToken cancellationToken)
    {
        var chosen = (ids ?? []).Distinct().Take(MaxBulk).ToList();
        if (string.IsNullOrWhiteSpace(reason) || !OrderDesk.HoldTypes.Contains(holdType))
        {
            var orders = await OrdersAsync(chosen, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("BulkConfirm", new BulkConfirmModel("release", orders, holdType) { Error = "Choose the type of hold and give a reason to release." });
        }

        var results = new List<BulkResult>();
        foreach (var id in chosen)
        {
            try
            {
                await sender.Send(new ReleaseHoldCommand(id, holdType, reason, Actors.Of(User)), cancellationToken);
                await sender.Send(new ResumePlacementCommand(id), cancellationToken);
                var order = await sender.Send(new GetOrderDetailsQuery(id), cancellationToken);
                results.Add(new BulkResult(id, order.Number, true, $"{holdType} hold released; now {order.Status}"));
            }
            catch (Exception ex) when (OrderDesk.IsRefusal(ex))
            {
                results.Add(new BulkResult(id, await NumberAsync(id, cancellationToken), false, OrderDesk.Message(ex)));
            }
        }

        logger.LogInformation("Staff {Staff} bulk-released {HoldType} holds: {Released} of {Count} order(s)", User.Identity?.Name, holdType, results.Count(r => r.Done), results.Count);
        return View("BulkResult", new BulkResultModel("release", results, []));
    }

    /// <summary>Confirmed: the pick lists the checked orders are on, to open and print (the warehouse makes the waves).</summary>
    [HttpPost("bulk/pick-lists"), ValidateAntiForgeryToken]
    [Authorize(AuthenticationSchemes = "Identity.Application", Roles = OrderDesk.ActRoles)]
    public async Task<IActionResult> BulkPickLists(List<Guid>? ids, CancellationToken cancellationToken)
    {
        var results = new List<BulkResult>();
        var lists = new List<Guid>();
        foreach (var id in (ids ?? []).Distinct().Take(MaxBulk))
        {
            var fulfillments = await sender.Send(new GetOrderFulfillmentsQuery(id), cancellationToken);
            var onLists = fulfillments.Where(f => f.PickListId is not null).Select(f => f.PickListId!.Value).Distinct().ToList();
            lists.AddRange(onLists.Where(l => !lists.Contains(l)));
            var number = fulfillments.Count > 0 ? fulfillments[0].OrderNumber : await NumberAsync(id, cancellationToken);
            results.Add(fulfillments.Count == 0
                ? new BulkResult(id, number, false, "Not sourced yet: no fulfillment to pick")
                : onLists.Count == 0
                    ? new BulkResult(id, number, false, "Not on a pick list yet: the warehouse makes the next wave")
                    : new BulkResult(id, number, true, $"On {onLists.Count} pick list(s)"));
        }

        return View("BulkResult", new BulkResultModel("picklists", results, lists));
    }

    private async Task<IReadOnlyList<OrderDetailsDto>> OrdersAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var orders = new List<OrderDetailsDto>();
        foreach (var id in ids)
        {
            try
            {
                orders.Add(await sender.Send(new GetOrderDetailsQuery(id), cancellationToken));
            }
            catch (NotFoundException)
            {
                // an id that is no order is simply left out
            }
        }

        return orders;
    }

    private async Task<string> NumberAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return (await sender.Send(new GetOrderDetailsQuery(id), cancellationToken)).Number;
        }
        catch (NotFoundException)
        {
            return id.ToString();
        }
    }

    private static readonly string[] Header = ["Number", "Status", "Channel", "Customer", "Email", "Lines", "Total", "Currency", "Placed (UTC)"];

    private static string Csv(IReadOnlyList<OrderSummaryDto> orders)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append("\r\n");
        foreach (var o in orders)
        {
            string[] cells =
            [
                o.Number, o.Status, o.Channel, o.CustomerName, o.CustomerEmail, o.LineCount.ToString(CultureInfo.InvariantCulture),
                o.Total.ToString("0.00", CultureInfo.InvariantCulture), o.Currency, o.PlacedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', cells.Select(CsvCell)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Quoted when needed; a cell that a spreadsheet would run as a formula is prefixed with a quote (CSV injection).</summary>
    private static string CsvCell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static async Task<byte[]> XlsxAsync(IReadOnlyList<OrderSummaryDto> orders, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken))
        {
            await spreadsheet.StartWorksheetAsync("Orders", token: cancellationToken);
            await spreadsheet.AddRowAsync([.. Header.Select(h => new Cell(h))], cancellationToken);
            foreach (var o in orders)
            {
                Cell[] row =
                [
                    new(o.Number), new(o.Status), new(o.Channel), new(o.CustomerName), new(o.CustomerEmail), new(o.LineCount),
                    new(o.Total), new(o.Currency), new(o.PlacedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                ];
                await spreadsheet.AddRowAsync(row, cancellationToken);
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return stream.ToArray();
    }
}

/// <summary>The inbox filters, bound from the query string and kept in the paging and export links.</summary>
public sealed class InboxFilter
{
    public string? Number { get; set; }

    public string? Email { get; set; }

    public string? Status { get; set; }

    public string? Channel { get; set; }

    public string? Sku { get; set; }

    public string? HoldType { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    internal SearchOrdersQuery ToQuery(int page, int pageSize) => new(
        Blank(Status), Blank(Email), Blank(Number), null, null, Blank(Sku)?.Trim(),
        From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        To is { } to ? new DateTimeOffset(to.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : null,
        null, page, pageSize, Blank(Channel), Blank(HoldType));

    /// <summary>The filter as query-string values (empty ones left out), for links that keep it.</summary>
    public Dictionary<string, string?> RouteValues()
    {
        var values = new Dictionary<string, string?>
        {
            ["number"] = Blank(Number),
            ["email"] = Blank(Email),
            ["status"] = Blank(Status),
            ["channel"] = Blank(Channel),
            ["sku"] = Blank(Sku),
            ["holdType"] = Blank(HoldType),
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value);
    }

    public string QueryString(int? page = null)
    {
        var values = RouteValues();
        if (page is { } p)
        {
            values["page"] = p.ToString(CultureInfo.InvariantCulture);
        }

        return values.Count == 0 ? string.Empty : "?" + string.Join("&", values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value!)}"));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

internal sealed record InboxPageModel(InboxFilter Filter, OrderPageDto Result, OrderCountsDto Counts, string? Error, bool CanAct)
{
    public int Pages => Math.Max(1, (int)Math.Ceiling(Result.Total / (double)Result.PageSize));
}

internal sealed record BulkConfirmModel(string Action, IReadOnlyList<OrderDetailsDto> Orders, string? HoldType)
{
    public string? Error { get; init; }
}

internal sealed record BulkResult(Guid OrderId, string Number, bool Done, string Detail);

internal sealed record BulkResultModel(string Action, IReadOnlyList<BulkResult> Results, IReadOnlyList<Guid> PickLists);
