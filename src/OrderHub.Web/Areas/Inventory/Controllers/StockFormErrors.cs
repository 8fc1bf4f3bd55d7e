using FluentValidation;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Web.Areas.Inventory.Controllers;

/// <summary>A refused form's status and messages, as the API would answer them (400 fields, 404, 409, 422 rule).</summary>
internal static class StockFormErrors
{
    public static (int Status, IReadOnlyList<string> Messages) From(Exception ex) => ex switch
    {
        ValidationException v => (StatusCodes.Status400BadRequest, [.. v.Errors.Select(e => $"{Field(e.PropertyName)}: {e.ErrorMessage}").Distinct()]),
        NotFoundException n => (StatusCodes.Status404NotFound, [n.Message]),
        ConflictException c => (StatusCodes.Status409Conflict, [c.Message]),
        BusinessRuleViolationException r => (StatusCodes.Status422UnprocessableEntity, [r.Message]),
        _ => (StatusCodes.Status500InternalServerError, ["The request failed."]),
    };

    private static string Field(string propertyName) => propertyName.Length == 0 ? "Form" : propertyName;
}
