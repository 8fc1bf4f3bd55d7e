using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Inventory.Features.ListBackorders;
using OrderHub.Modules.Notifications.Features.ListStaffAlerts;
using OrderHub.Modules.Orders.Features.CountOrders;
using OrderHub.Modules.Shipping.Contracts.Queries;
using OrderHub.Web.Access;
using OrderHub.Web.Infrastructure;

namespace OrderHub.Web.Controllers;

/// <summary>
/// The back-office start page: today's work for the signed-in role, each figure from its module's query through Mediator
/// and each linking to where the work is done. Warehouse sees picking, late shipments and backorders; customer service
/// sees holds by type; everyone sees open alerts; Admin sees all of it plus the modules' databases and outboxes.
/// </summary>
[Authorize(AuthenticationSchemes = "Identity.Application")]
public sealed class HomeController(ISender sender) : Controller
{
    /// <summary>Hold types in the order the desk works them (the Orders module's <c>HoldType</c>).</summary>
    internal static readonly IReadOnlyList<string> HoldTypes = ["Compliance", "Payment", "Inventory", "Fraud", "Manual"];

    /// <summary>Lists on the dashboard are counted up to this many (shown as "1000+").</summary>
    internal const int CountCap = 1000;

    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var admin = User.IsInRole(StaffRoles.Admin);
        var warehouse = admin || User.IsInRole(StaffRoles.Warehouse);
        var desk = admin || User.IsInRole(StaffRoles.CustomerService);
        var now = DateTimeOffset.UtcNow; // controllers only send requests (ControllerRulesTests): the wall clock is enough for "today"
        var model = new DashboardModel { IsAdmin = admin, ShowsPicking = warehouse, ShowsHolds = desk, ShowsStock = warehouse || desk };

        var counts = warehouse || desk ? await sender.Send(new CountOrdersQuery(), cancellationToken) : null;
        if (warehouse)
        {
            model = model with
            {
                ReadyToFulfill = CountOf(counts!.ByStatus, "ReadyToFulfill"),
                Picking = CountOf(counts.ByStatus, "Picking"),
                LateShipments = await sender.Send(new GetLateShipmentsQuery(DateOnly.FromDateTime(now.UtcDateTime), CountCap + 1), cancellationToken),
            };
        }

        if (desk)
        {
            model = model with
            {
                Holds = [.. HoldTypes.Select(type => new HoldCount(type, CountOf(counts!.ByHoldType, type)))],
                OnHold = CountOf(counts!.ByStatus, "OnHold"),
            };
        }

        if (model.ShowsStock)
        {
            model = model with { WaitingBackorders = (await sender.Send(new ListBackordersQuery("Waiting", null), cancellationToken)).Count };
        }

        var alerts = await sender.Send(new ListStaffAlertsQuery("open", null, CountCap + 1), cancellationToken);
        model = model with
        {
            OpenAlerts = alerts.Count,
            CriticalAlerts = alerts.Count(a => a.Severity.Equals("Critical", StringComparison.OrdinalIgnoreCase)),
            LatestAlerts = [.. alerts.Take(5)],
        };

        if (admin)
        {
            var statuses = new List<ModuleStatusDto>();
            foreach (var module in ModuleCatalog.All)
            {
                statuses.Add(await sender.Send(GetModuleStatusQuery.For(module), cancellationToken));
            }

            model = model with { Modules = statuses };
        }

        return View(model);
    }

    private static int CountOf(IReadOnlyList<CountDto> counts, string name) => counts.FirstOrDefault(c => c.Name == name)?.Count ?? 0;
}

/// <summary>What the dashboard shows; a section is only filled (and shown) for the roles that work it.</summary>
public sealed record DashboardModel
{
    public bool IsAdmin { get; init; }

    public bool ShowsPicking { get; init; }

    public bool ShowsHolds { get; init; }

    public bool ShowsStock { get; init; }

    public int ReadyToFulfill { get; init; }

    public int Picking { get; init; }

    public int OnHold { get; init; }

    public IReadOnlyList<HoldCount> Holds { get; init; } = [];

    public IReadOnlyList<LateShipmentDto> LateShipments { get; init; } = [];

    public int WaitingBackorders { get; init; }

    public int OpenAlerts { get; init; }

    public int CriticalAlerts { get; init; }

    internal IReadOnlyList<StaffAlertDto> LatestAlerts { get; init; } = [];

    public IReadOnlyList<ModuleStatusDto> Modules { get; init; } = [];

    public static string Count(int count) => count > HomeController.CountCap ? $"{HomeController.CountCap}+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record HoldCount(string Type, int Count);
