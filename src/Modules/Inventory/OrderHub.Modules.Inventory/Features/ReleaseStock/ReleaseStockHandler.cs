using Mediator;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ReleaseStock;

/// <summary>Gives back everything a key holds. Idempotent: an unknown, released, expired or committed key is a no-op (false).</summary>
internal sealed class ReleaseStockHandler(ReservationStore reservations, TimeProvider clock, ILogger<ReleaseStockHandler> logger)
    : ICommandHandler<ReleaseStockCommand, bool>
{
    public async ValueTask<bool> Handle(ReleaseStockCommand command, CancellationToken cancellationToken)
    {
        var released = await ReleaseAsync(reservations, command.ReservationKey, ReservationStatus.Released, command.Reason, clock.GetUtcNow(), cancellationToken);
        if (released)
        {
            logger.LogInformation("Reservation {ReservationKey} released: {Reason}", command.ReservationKey, command.Reason);
        }

        return released;
    }

    public static async Task<bool> ReleaseAsync(
        ReservationStore reservations, string key, ReservationStatus to, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await reservations.TryCloseAsync(key, to, reason, now, cancellationToken))
        {
            return false;
        }

        await reservations.GiveBackAsync(await reservations.AllocationsAsync(key, cancellationToken), cancellationToken);
        return true;
    }
}
