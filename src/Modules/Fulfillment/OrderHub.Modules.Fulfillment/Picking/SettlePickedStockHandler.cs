using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Fulfillment.Picking;

/// <summary>
/// Brings Inventory in line with a confirmed pick list: units not found are written off their bin and lot (each item
/// once, by its reference), then a (fulfillment, SKU) taken from another lot than listed is re-pinned to the lots taken.
/// Fulfillments cancelled meanwhile are skipped: their stock was released with the order. Then each short fulfillment's
/// missing units are sourced again (<see cref="SourceShortfall"/>).
/// </summary>
internal sealed partial class SettlePickedStockHandler(FulfillmentDbContext db, PickedStock picked, ISender sender, ILogger<SettlePickedStockHandler> logger)
    : IInternalCommandHandler<SettlePickedStock>
{
    public async Task HandleAsync(SettlePickedStock command, CancellationToken cancellationToken)
    {
        var (list, keyOf) = await picked.ReadAsync(command.PickListId, cancellationToken);
        List<Guid> ids = [.. list.FulfillmentIds];
        var live = (await db.Fulfillments.AsNoTracking().Where(f => ids.Contains(f.Id) && f.Status != FulfillmentStatus.Cancelled).Select(f => f.Id).ToListAsync(cancellationToken))
            .ToHashSet();
        var items = list.Items.Where(i => live.Contains(i.FulfillmentId)).OrderBy(i => i.Sequence).ToList();
        var shortItems = items.Where(i => i.PickedQuantity < i.Quantity).ToList();
        foreach (var item in shortItems)
        {
            var missing = item.Quantity - item.PickedQuantity!.Value;
            await TryAsync(list.Number, new RecordShortPickCommand(
                keyOf[item.FulfillmentId], list.LocationCode, item.Sku, item.Bin, item.Lot, missing, $"pick-list:{list.Number}/{item.Sequence}"), cancellationToken);
        }

        var substituted = items.GroupBy(i => (i.FulfillmentId, i.Sku)).Where(g => g.Any(i => i.PickedLot is not null)).SelectMany(g => g).ToList();
        if (substituted.Count > 0)
        {
            var pins = PickedStock.Pins(substituted, keyOf, i => (i.PickedQuantity ?? 0, i.PickedLot ?? i.Lot));
            await TryAsync(list.Number, new PinReservationsCommand(list.LocationCode, pins), cancellationToken);
        }

        foreach (var fulfillmentId in shortItems.Select(i => i.FulfillmentId).Distinct())
        {
            db.AddInternalCommand(new SourceShortfall(fulfillmentId));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task TryAsync<TCommand>(string pickListNumber, TCommand command, CancellationToken cancellationToken)
        where TCommand : ICommand
    {
        try
        {
            await sender.Send(command, cancellationToken);
        }
        catch (Exception e) when (e is ConflictException or BusinessRuleViolationException)
        {
            LogNotSettled(pickListNumber, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pick list {PickListNumber}: stock left as it was ({Reason})")]
    private partial void LogNotSettled(string pickListNumber, string reason);
}
