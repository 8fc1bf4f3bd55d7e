using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Fulfillment.Picking;

/// <summary>
/// Pins each order's holds to the listed bins and lots; units the wave could not list (only expired or quarantined lots
/// left) are given back, and the confirmation sources them again as a shortfall. If the stock moved since the wave was
/// planned, the holds stay on their lots: the units are held either way, and the confirmation writes off what the picker
/// does not find.
/// </summary>
internal sealed partial class PinPickedStockHandler(FulfillmentDbContext db, PickedStock picked, ISender sender, ILogger<PinPickedStockHandler> logger)
    : IInternalCommandHandler<PinPickedStock>
{
    public async Task HandleAsync(PinPickedStock command, CancellationToken cancellationToken)
    {
        var (list, keyOf) = await picked.ReadAsync(command.PickListId, cancellationToken);
        List<Guid> ids = [.. list.FulfillmentIds];
        var lines = (await db.Fulfillments.AsNoTracking().Include(f => f.Lines).Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken))
            .SelectMany(f => f.Lines.Select(l => (FulfillmentId: f.Id, l.Sku)))
            .Distinct()
            .ToList();
        var listed = list.Items.Select(i => (i.FulfillmentId, i.Sku)).ToHashSet();
        // Every (fulfillment, SKU) of the wave is named, with nothing when no pickable lot covered it: Inventory gives those holds back.
        List<PinnedUnits> pins = [.. PickedStock.Pins(list.Items, keyOf, i => (i.Quantity, i.Lot)),
            .. lines.Where(l => !listed.Contains(l))
                .Select(l => new PinnedUnits(keyOf[l.FulfillmentId], l.Sku, string.Empty, string.Empty, 0))];
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
