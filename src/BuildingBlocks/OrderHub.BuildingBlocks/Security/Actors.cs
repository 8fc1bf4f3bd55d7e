using System.Security.Claims;

namespace OrderHub.BuildingBlocks.Security;

/// <summary>Who did it, as the timeline shows it: "api:&lt;client&gt;" for API keys, "staff:&lt;email&gt;" for the back-office.</summary>
public static class Actors
{
    public static string Of(ClaimsPrincipal user) =>
        user.Identity?.AuthenticationType == "ApiKey" ? $"api:{user.Identity.Name}" : $"staff:{user.Identity?.Name ?? "unknown"}";
}
