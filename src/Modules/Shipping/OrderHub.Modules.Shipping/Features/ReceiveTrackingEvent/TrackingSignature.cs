using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OrderHub.Modules.Shipping.Features.ReceiveTrackingEvent;

/// <summary>The tracking webhook's signature: <c>sha256=</c> + lowercase hex HMAC-SHA256 of the raw body (API.md).</summary>
internal static class TrackingSignature
{
    public const string HeaderName = "X-OrderHub-Signature";

    private const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The request's raw body when its signature is right under <paramref name="secret"/>; null when missing or wrong.</summary>
    public static async Task<byte[]?> ReadSignedBodyAsync(HttpRequest request, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        return IsValid(body, request.Headers[HeaderName], secret) ? body : null;
    }

    /// <summary>Constant-time comparison, so a forger learns nothing from how long a refusal took.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string secret)
    {
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(body, secret));
        var given = Encoding.ASCII.GetBytes(header.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
