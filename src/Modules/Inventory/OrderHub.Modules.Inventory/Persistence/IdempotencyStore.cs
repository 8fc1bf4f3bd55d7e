using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Http;
using OrderHub.Modules.Inventory.Domain.Idempotency;

namespace OrderHub.Modules.Inventory.Persistence;

/// <summary>A create request that may carry an <c>Idempotency-Key</c>.</summary>
internal interface IIdempotentRequest
{
    string? IdempotencyKey { get; }
}

/// <summary>
/// Replays the first answer to a repeated <c>Idempotency-Key</c> of the same operation and body; the same key with
/// another body is a conflict. The record is saved in the command's transaction, with its effect.
/// </summary>
internal sealed class IdempotencyStore(InventoryDbContext db, TimeProvider clock)
{
    public async Task<TResponse?> ReplayAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
        where TRequest : IIdempotentRequest
        where TResponse : class
    {
        if (string.IsNullOrEmpty(request.IdempotencyKey))
        {
            return null;
        }

        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == operation + ":" + request.IdempotencyKey, cancellationToken);
        if (record is null)
        {
            return null;
        }

        return record.RequestHash == IdempotencyKeys.Fingerprint(request!)
            ? JsonSerializer.Deserialize<TResponse>(record.Response, JsonSerializerOptions.Web)
            : throw new ConflictException("This Idempotency-Key was already used with a different request body.");
    }

    public void Remember<TRequest, TResponse>(string operation, TRequest request, TResponse response)
        where TRequest : IIdempotentRequest
    {
        if (!string.IsNullOrEmpty(request.IdempotencyKey))
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(
                operation + ":" + request.IdempotencyKey, IdempotencyKeys.Fingerprint(request!), JsonSerializer.Serialize(response, JsonSerializerOptions.Web), clock.GetUtcNow()));
        }
    }
}
