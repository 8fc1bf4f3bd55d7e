using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.QuarantineLot;

/// <summary>
/// Sets or clears the quarantine flag on every bin of the lot at the location. Units already held for orders stay held:
/// the next pick wave does not list them, gives the holds back and the orders' shortfall is sourced from other lots.
/// </summary>
internal sealed partial class QuarantineLotHandler(InventoryDbContext db, ILogger<QuarantineLotHandler> logger) : ICommandHandler<QuarantineLotCommand, QuarantinedLotDto>
{
    public async ValueTask<QuarantinedLotDto> Handle(QuarantineLotCommand command, CancellationToken cancellationToken)
    {
        var items = await db.StockItems.Where(s => s.LocationCode == command.LocationCode && s.Sku == command.Sku && s.Lot == command.Lot).ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            throw new NotFoundException("Lot", $"{command.LocationCode}/{command.Sku}/{command.Lot}");
        }

        items.ForEach(i => i.SetQuarantined(command.Quarantined));
        LogQuarantine(command.Sku, command.Lot, command.LocationCode, command.Quarantined, command.Reason!, command.Actor);
        return new QuarantinedLotDto(command.LocationCode, command.Sku, command.Lot, command.Quarantined, items.Count, items.Sum(i => i.OnHand));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lot {Lot} of {Sku} at {LocationCode}: quarantined = {Quarantined} ({Reason}) by {Actor}")]
    private partial void LogQuarantine(string sku, string lot, string locationCode, bool quarantined, string reason, string actor);
}
