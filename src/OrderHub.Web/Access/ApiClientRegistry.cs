using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OrderHub.BuildingBlocks.Auditing;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Web.Access;

public sealed record ApiClientDto(Guid Id, string Name, string KeyPrefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A new client and its key, which is shown this once and never stored (only its SHA-256 is).</summary>
public sealed record CreatedApiClient(ApiClientDto Client, string Key);

/// <summary>
/// API clients managed by an Admin: create with a name and chosen scopes (from <see cref="ApiScopes.All"/>, the scopes
/// the API enforces), revoke (the key is refused at once on this host: its cached look-up is dropped; on other hosts
/// within <see cref="ApiKeyAuthenticationHandler.CacheFor"/>). Both are audited.
/// </summary>
public sealed class ApiClientRegistry(AccessDbContext db, IMemoryCache cache, IAuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiClientDto>> ListAsync(CancellationToken cancellationToken)
    {
        var clients = await db.ApiClients.AsNoTracking().ToListAsync(cancellationToken);
        return clients.OrderBy(c => c.RevokedAt is not null).ThenByDescending(c => c.CreatedAt).Select(ToDto).ToList();
    }

    /// <summary>Creates the client, or answers why not (<c>null</c> client and the reason).</summary>
    public async Task<(CreatedApiClient? Created, string? Error)> CreateAsync(string? name, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            return (null, "Enter a name of up to 200 characters (the store, terminal or integrator using the key).");
        }

        if (scopes.Count == 0)
        {
            return (null, "Choose at least one scope.");
        }

        if (scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } unknown)
        {
            return (null, $"Unknown scope '{unknown}'.");
        }

        var key = ApiKeys.Generate();
        var client = new ApiClient
        {
            Name = name.Trim(),
            KeyPrefix = ApiKeys.Prefix(key),
            KeyHash = ApiKeys.Hash(key),
            Scopes = string.Join(' ', ApiScopes.All.Where(scopes.Contains)),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        var dto = ToDto(client);
        await audit.RecordAsync(new AuditRecord("ApiClients.Create", $"{dto.Name} ({dto.KeyPrefix})", null, new { dto.Id, dto.Name, dto.KeyPrefix, dto.Scopes }), cancellationToken);
        return (new CreatedApiClient(dto, key), null);
    }

    public async Task<AccessChange> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } client)
        {
            return AccessChange.Refused("No such API client.");
        }

        if (client.RevokedAt is not null)
        {
            return AccessChange.Refused($"{client.Name} was already revoked.");
        }

        client.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(ApiKeyAuthenticationHandler.CacheKey(client.KeyHash));
        await audit.RecordAsync(new AuditRecord("ApiClients.Revoke", $"{client.Name} ({client.KeyPrefix})", new { revoked = false }, new { revoked = true, client.RevokedAt }), cancellationToken);
        return AccessChange.Done;
    }

    private static ApiClientDto ToDto(ApiClient c) =>
        new(c.Id, c.Name, c.KeyPrefix, c.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), c.CreatedAt, c.RevokedAt);
}
