using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Inventory.Domain.Backorders;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.CancelBackorder;

/// <summary>A guarded update (Waiting → Cancelled): of a cancel and an allocation racing, exactly one applies.</summary>
internal sealed class CancelBackorderHandler(InventoryDbContext db, TimeProvider clock, ILogger<CancelBackorderHandler> logger)
    : ICommandHandler<CancelBackorderCommand, bool>
{
    public async ValueTask<bool> Handle(CancelBackorderCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reason = command.Reason.Length > 300 ? command.Reason[..300] : command.Reason;
        var cancelled = await db.BackorderRequests.Where(r => r.ReservationKey == command.ReservationKey && r.Status == BackorderStatus.Waiting)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, BackorderStatus.Cancelled).SetProperty(r => r.ClosedAt, now).SetProperty(r => r.CloseReason, reason), cancellationToken);
        if (cancelled > 0)
        {
            logger.LogInformation("Backorder {ReservationKey} cancelled: {Reason}", command.ReservationKey, reason);
        }

        return cancelled > 0;
    }
}
