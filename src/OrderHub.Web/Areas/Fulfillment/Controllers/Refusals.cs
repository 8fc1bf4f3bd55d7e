using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Web.Areas.Fulfillment.Controllers;

/// <summary>The refusals a back-office form shows on its page (instead of a 500 or problem JSON): what the staff member can act on.</summary>
internal static class Refusals
{
    public static bool IsRefusal(Exception ex) => ex is BusinessRuleViolationException or ConflictException or FluentValidation.ValidationException;

    public static string Message(Exception ex) => ex is FluentValidation.ValidationException validation && validation.Errors.Any()
        ? string.Join(" ", validation.Errors.Select(e => e.ErrorMessage))
        : ex.Message;
}
