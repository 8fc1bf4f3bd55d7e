using System.Security.Claims;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Web.Access;

namespace OrderHub.Web.Areas.Orders.Controllers;

/// <summary>
/// Who may do what on the orders desk. Customer service and admins see orders and act on them (holds, changes, cancel,
/// refund, notes, bulk). Compliance staff see orders and may release a Compliance hold only (their call to make);
/// the warehouse works from pick lists and does not see the desk at all.
/// </summary>
internal static class OrderDesk
{
    /// <summary>Who may open the inbox and an order.</summary>
    public const string ReadRoles = $"{StaffRoles.Admin},{StaffRoles.CustomerService},{StaffRoles.Compliance}";

    /// <summary>Who may act on orders.</summary>
    public const string ActRoles = $"{StaffRoles.Admin},{StaffRoles.CustomerService}";

    public const string HoldTypeCompliance = "Compliance";

    public static readonly string[] Statuses =
        ["Received", "OnHold", "Backordered", "ReadyToFulfill", "Picking", "Packed", "Shipped", "PartiallyShipped", "Delivered", "Cancelled", "Returned", "PartiallyReturned"];

    public static readonly string[] Channels = ["Web", "Pos", "Phone", "Marketplace", "Import"];

    public static readonly string[] HoldTypes = ["Compliance", "Payment", "Inventory", "Fraud", "Manual"];

    public static bool CanAct(ClaimsPrincipal user) => user.IsInRole(StaffRoles.Admin) || user.IsInRole(StaffRoles.CustomerService);

    /// <summary>Release: whoever acts on orders, or compliance staff for a Compliance hold.</summary>
    public static bool CanRelease(ClaimsPrincipal user, string? holdType) =>
        CanAct(user) || (user.IsInRole(StaffRoles.Compliance) && holdType == HoldTypeCompliance);

    /// <summary>The refusals a desk form shows on its page (instead of a 500 or problem JSON).</summary>
    public static bool IsRefusal(Exception ex) =>
        ex is BusinessRuleViolationException or ConflictException or NotFoundException or FluentValidation.ValidationException;

    public static string Message(Exception ex) => ex is FluentValidation.ValidationException validation && validation.Errors.Any()
        ? string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).Distinct())
        : ex.Message;
}
