using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace OrderHub.BuildingBlocks.Http;

/// <summary>
/// The <c>Idempotency-Key</c> mechanics every creating endpoint shares (API.md): the header's rules, and the
/// fingerprint of a request body that tells "same key, same body" (a replay) from "same key, other body" (409).
/// </summary>
public static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxLength = 200;

    /// <summary>
    /// The key, or a 400 problem (via <see cref="ValidationException"/>) naming the header. An endpoint that stores the key
    /// inside a longer one (a prefix and an order id) passes a smaller <paramref name="maxLength"/> so the stored key fits.
    /// </summary>
    public static string Require(string? key, int maxLength = MaxLength) =>
        Optional(key, maxLength) ?? throw Invalid($"Send a unique {HeaderName} (1 to {maxLength} characters), and the same key when retrying.");

    /// <summary>Null when absent; when sent it must be 1 to <paramref name="maxLength"/> characters.</summary>
    public static string? Optional(string? key, int maxLength = MaxLength) => key switch
    {
        null => null,
        _ when key.Length <= maxLength && !string.IsNullOrWhiteSpace(key) => key,
        _ => throw Invalid($"{HeaderName} must be 1 to {maxLength} characters."),
    };

    /// <summary>SHA-256 of the request as the server read it (insensitive to the client's whitespace and field order).</summary>
    public static string Fingerprint(object request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, request.GetType(), JsonSerializerOptions.Web))));

    private static ValidationException Invalid(string message) => new([new ValidationFailure(HeaderName, message)]);
}
