using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Fulfillment.Picking;

/// <summary>
/// Pins each order's holds to the listed bins and lots, for every (fulfillment, SKU) the list covers in full (one the
/// wave could not find all of keeps its holds where they are). If the stock moved since the wave was planned, the holds
/// stay on their lots: the units are held either way, and the confirmation writes off what the picker does not find.
/// </summary>
internal sealed partial class PinPickedStockHandler(FulfillmentDbContext db, PickedStock picked, ISender sender, ILogger<PinPickedStockHandler> logger)
    : IInternalCommandHandler<PinPickedStock>
{
    public async Task HandleAsync(PinPickedStock command, CancellationToken cancellationToken)
    {
        var (list, keyOf) = await picked.ReadAsync(command.PickListId, cancellationToken);
        List<Guid> ids = [.. list.FulfillmentIds];
        var fulfillments = await db.Fulfillments.AsNoTracking().Include(f => f.Lines).Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken);
        var wantedOf = fulfillments.SelectMany(f => f.Lines.Select(l => (f.Id, l.Sku, l.Quantity)))
            .GroupBy(w => (w.Id, w.Sku)).ToDictionary(g => g.Key, g => g.Sum(w => w.Quantity));
        var listedInFull = list.Items.GroupBy(i => (i.FulfillmentId, i.Sku))
            .Where(g => g.Sum(i => i.Quantity) == wantedOf.GetValueOrDefault(g.Key))
            .SelectMany(g => g)
            .ToList();
        var pins = PickedStock.Pins(listedInFull, keyOf, i => (i.Quantity, i.Lot));
        if (pins.Count == 0)
        {
            return;
        }

        try
        {
            await sender.Send(new PinReservationsCommand(list.LocationCode, pins), cancellationToken);
        }
        catch (Exception e) when (e is ConflictException or BusinessRuleViolationException)
        {
            LogNotPinned(list.Number, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pick list {PickListNumber}: holds stay on their lots ({Reason})")]
    private partial void LogNotPinned(string pickListNumber, string reason);
}
