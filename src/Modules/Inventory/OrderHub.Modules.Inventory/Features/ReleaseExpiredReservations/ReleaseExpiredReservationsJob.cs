using Mediator;

namespace OrderHub.Modules.Inventory.Features.ReleaseExpiredReservations;

/// <summary>
/// For the host to schedule (e.g. Hangfire, every minute): releases abandoned holds past their expiry. Idempotent and
/// safe on several hosts at once (each release is a guarded status change).
/// </summary>
internal sealed class ReleaseExpiredReservationsJob(ISender sender)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken) =>
        await sender.Send(new ReleaseExpiredReservationsCommand(), cancellationToken);
}
