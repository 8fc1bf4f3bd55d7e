using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Features.ReleaseStock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ReleaseExpiredReservations;

internal sealed class ReleaseExpiredReservationsHandler(InventoryDbContext db, ReservationStore reservations, TimeProvider clock, ILogger<ReleaseExpiredReservationsHandler> logger)
    : ICommandHandler<ReleaseExpiredReservationsCommand, int>
{
    public async ValueTask<int> Handle(ReleaseExpiredReservationsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keys = await db.Reservations.AsNoTracking()
            .Where(r => r.Status == ReservationStatus.Active && r.ExpiresAt <= now)
            .OrderBy(r => r.ExpiresAt).Select(r => r.Key).Take(command.BatchSize)
            .ToListAsync(cancellationToken);
        var released = 0;
        foreach (var key in keys)
        {
            if (await ReleaseStockHandler.ReleaseAsync(reservations, key, ReservationStatus.Expired, "Expired", now, cancellationToken))
            {
                released++;
                logger.LogInformation("Reservation {ReservationKey} expired and was released", key);
            }
        }

        return released;
    }
}
