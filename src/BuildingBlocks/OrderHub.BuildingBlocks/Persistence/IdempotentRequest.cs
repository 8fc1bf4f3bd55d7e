using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Http;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// The first answer to an <c>Idempotency-Key</c> within a scope (a command type), with the fingerprint of the request
/// it answered. Written by <see cref="Application.IdempotencyBehavior{TMessage,TResponse}"/> in the command's transaction;
/// handlers never touch it. The primary key is the claim a parallel duplicate loses.
/// </summary>
public sealed class IdempotentRequest
{
    public const int ScopeMaxLength = 200;

    public required string Scope { get; init; }

    public required string Key { get; init; }

    public required string Fingerprint { get; init; }

    /// <summary>The JSON of the answer; null only while the claiming transaction is still running.</summary>
    public string? Response { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The stored answer for a request with <paramref name="fingerprint"/>; another request under the same key is a 409.</summary>
    public TResponse Replay<TResponse>(string fingerprint)
    {
        if (Fingerprint != fingerprint)
        {
            throw new ConflictException($"This {IdempotencyKeys.HeaderName} was already used with a different request body.");
        }

        return Response is null
            ? throw new ConflictException($"A request with this {IdempotencyKeys.HeaderName} is still being processed; retry it.")
            : JsonSerializer.Deserialize<TResponse>(Response, JsonSerializerOptions.Web)!;
    }

    /// <summary>The stored answer's key-to-request binding, or null when the key is new.</summary>
    public static Task<IdempotentRequest?> FindAsync(ModuleDbContext db, string scope, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("IdempotentRequests");
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasMaxLength(IdempotentRequest.ScopeMaxLength);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKeys.MaxLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
    }
}
