using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.Modules.Inventory.Contracts.Commands;
using OrderHub.Modules.Inventory.Domain.Reservations;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.ReserveStock;

/// <summary>
/// Holds stock for all lines or none, decided by guarded updates in the database (ships-to-consumer locations first,
/// FIFO by lot). A repeated key returns the first successful result (checked with the first read); a refusal holds and remembers nothing.
/// </summary>
internal sealed class ReserveStockHandler(
    ReservationStore reservations, ISender sender, TimeProvider clock, IOptions<InventoryOptions> options, ILogger<ReserveStockHandler> logger)
    : ICommandHandler<ReserveStockCommand, StockReservationDto>
{
    public async ValueTask<StockReservationDto> Handle(ReserveStockCommand command, CancellationToken cancellationToken)
    {
        ReservationStore.RequireLines(command.Lines);
        var lines = await reservations.ExpandAsync(command.Lines, cancellationToken);
        var now = clock.GetUtcNow();
        var expiresAt = command.HoldFor switch
        {
            null => now + options.Value.ReservationExpiry,
            { } hold when hold == Timeout.InfiniteTimeSpan => DateTimeOffset.MaxValue,
            { } hold => now + hold,
        };
        var outcome = await reservations.ReserveAsync(
            command.ReservationKey, lines, new PoolScope(command.Channel, command.CustomerTag), taken => Reservation.Create(command.ReservationKey, command.Channel, now, expiresAt, taken), cancellationToken);
        if (outcome.Replayed)
        {
            var held = await reservations.AllocationsAsync(command.ReservationKey, cancellationToken);
            if (command.ReplaceIfLinesDiffer && !ReservationStore.Holds(held, lines))
            {
                // Nested in this command's transaction: the replacement commits with it or not at all.
                return await sender.Send(new ReplaceReservationCommand(command.ReservationKey, command.Lines), cancellationToken);
            }

            return ReservationStore.Reserved(command.ReservationKey, held);
        }

        var (allocations, shortages) = outcome;

        if (shortages.Count > 0)
        {
            logger.LogInformation("Reservation {ReservationKey} refused: short of {Shortages}", command.ReservationKey,
                string.Join(", ", shortages.Select(s => $"{s.Sku} ({s.Available}/{s.Requested})")));
            return new StockReservationDto(command.ReservationKey, false, [], shortages);
        }

        logger.LogInformation("Reservation {ReservationKey} holds {Units} unit(s) in {Allocations} allocation(s) for {Channel}",
            command.ReservationKey, allocations.Sum(a => a.Quantity), allocations.Count, command.Channel);
        return ReservationStore.Reserved(command.ReservationKey, allocations);
    }
}
