using FluentValidation;
using FluentValidation.Results;

namespace OrderHub.Modules.Inventory;

/// <summary>HTTP details shared by the module's endpoints.</summary>
internal static class InventoryHttp
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The Idempotency-Key is optional on the module's creates; when sent it must be 1-200 characters.</summary>
    public static string? CheckKey(string? key) => key switch
    {
        null => null,
        { Length: > 0 and <= 200 } when !string.IsNullOrWhiteSpace(key) => key,
        _ => throw new ValidationException([new ValidationFailure(IdempotencyHeader, "Idempotency-Key must be 1 to 200 characters.")]),
    };
}
