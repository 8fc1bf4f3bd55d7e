using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Security;

namespace OrderHub.Web.Access;

/// <summary>Authenticates <c>X-Api-Key</c> against the hashed keys of active API clients; each scope becomes a claim.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessDbContext db,
    IMemoryCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The claim carrying the key's prefix, so the audit can tell two keys of one client apart.</summary>
    public const string KeyPrefixClaim = "key_prefix";

    /// <summary>A revoked key stops working within this time; in exchange most requests skip the database look-up.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeys.Hash(values.ToString());
        var cacheKey = CacheKey(hash);
        if (!cache.TryGetValue(cacheKey, out CachedClient? client))
        {
            client = await db.ApiClients.AsNoTracking()
                .Where(c => c.KeyHash == hash && c.RevokedAt == null)
                .Select(c => new CachedClient(c.Id, c.Name, c.KeyPrefix, c.Scopes))
                .FirstOrDefaultAsync(Context.RequestAborted);
            if (client is not null)
            {
                cache.Set(cacheKey, client, CacheFor); // only known keys: random keys cannot fill the cache
            }
        }

        if (client is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, client.Id.ToString()),
            new(ClaimTypes.Name, client.Name),
            new(KeyPrefixClaim, client.KeyPrefix),
        };
        claims.AddRange(client.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(ApiScopes.ClaimType, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>The cache entry of a key by its hash (a revoke removes it, so the key is refused at once).</summary>
    public static string CacheKey(string keyHash) => $"apikey:{keyHash}";
}

internal sealed record CachedClient(Guid Id, string Name, string KeyPrefix, string Scopes);
