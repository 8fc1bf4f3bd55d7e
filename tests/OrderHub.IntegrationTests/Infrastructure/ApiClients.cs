using Microsoft.Extensions.DependencyInjection;
using OrderHub.Web.Access;

namespace OrderHub.IntegrationTests.Infrastructure;

public static class ApiClients
{
    /// <summary>Registers a client with only the given scopes; returns its key.</summary>
    public static Task<string> CreateAsync(OrderHubApp app, params string[] scopes) =>
        app.InScopeAsync(async sp =>
        {
            var key = ApiKeys.Generate();
            var db = sp.GetRequiredService<AccessDbContext>();
            db.ApiClients.Add(new ApiClient
            {
                Name = "Limited client",
                KeyPrefix = ApiKeys.Prefix(key),
                KeyHash = ApiKeys.Hash(key),
                Scopes = string.Join(' ', scopes),
                CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return key;
        });
}
