using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Picking;
using OrderHub.Modules.Fulfillment.Picking.Waves;
using OrderHub.Modules.Inventory.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Features.ConfirmPicks;

/// <summary>
/// Checks the confirmation against the list (<see cref="PickConfirmation"/>; any refusal changes nothing), completes the
/// list, marks each fulfillment on it Picked with what was taken and announces it with its shortages, and leaves
/// Inventory's write-off of the missing units to <see cref="SettlePickedStock"/>, saved with it.
/// </summary>
internal sealed partial class ConfirmPicksHandler(FulfillmentDbContext db, PickedStock picked, ISender sender, TimeProvider clock, ILogger<ConfirmPicksHandler> logger)
    : ICommandHandler<ConfirmPicksCommand, PickListDto>
{
    public async ValueTask<PickListDto> Handle(ConfirmPicksCommand command, CancellationToken cancellationToken)
    {
        var list = await db.PickLists.Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == command.PickListId, cancellationToken)
            ?? throw new NotFoundException("Pick list", command.PickListId.ToString());
        var keyOf = await picked.KeysAsync(list.FulfillmentIds, cancellationToken);
        var stock = await sender.Send(new GetPickableStockQuery(list.LocationCode, [.. keyOf.Values.Distinct(StringComparer.Ordinal)]), cancellationToken);
        var items = list.Items.Select(i => new PickItem(i.Sequence, i.Bin, i.Sku, i.Lot, i.Quantity, i.OrderNumber, i.FulfillmentId, default)).ToList();
        var result = PickConfirmation.Check(
            items,
            [.. (command.Items ?? []).Select(c => new ConfirmedPick(c.Sequence, c.PickedQuantity, string.IsNullOrWhiteSpace(c.Lot) ? null : c.Lot.Trim()))],
            [.. stock.Select(s => new PickableStock(s.Bin, s.Sku, s.Lot, s.Available, s.ExpiresOn, s.ReceivedOn, s.Quarantined))]);
        if (!result.IsAccepted)
        {
            throw new BusinessRuleViolationException("PickMustMatchList", string.Join(" ", result.Refusals.Select(r => r.Message)));
        }

        var now = clock.GetUtcNow();
        list.Complete(result.Items.ToDictionary(o => o.Sequence, o => (o.Picked, o.Lot)), command.Actor, now);
        List<Guid> ids = [.. list.FulfillmentIds];
        var fulfillments = await db.Fulfillments.Include(f => f.Lines).Where(f => ids.Contains(f.Id)).ToListAsync(cancellationToken);
        foreach (var fulfillment in fulfillments.Where(f => f.Status == FulfillmentStatus.Picking))
        {
            var pickedBySku = result.Items.Where(o => o.FulfillmentId == fulfillment.Id)
                .GroupBy(o => o.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(o => o.Picked), StringComparer.Ordinal);
            fulfillment.RecordPicked(pickedBySku, now);
            var shortages = fulfillment.Lines.GroupBy(l => l.Sku, StringComparer.Ordinal)
                .Select(g => new ShortPickedLine(g.Key, g.Sum(l => l.Quantity), g.Sum(l => l.Quantity - l.PickedQuantity)))
                .Where(s => s.Missing > 0)
                .ToList();
            db.AddIntegrationEvent(new FulfillmentPickedIntegrationEvent(
                fulfillment.OrderId, fulfillment.OrderNumber, fulfillment.Id, fulfillment.LocationCode, list.Number, shortages, command.Actor));
        }

        db.AddInternalCommand(new SettlePickedStock(list.Id));
        LogConfirmed(list.Number, result.Items.Sum(o => o.Picked), result.Items.Sum(o => o.Short), command.Actor);
        return PickListDto.From(list, _ => PickingDefaults.UnitsPerCase);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pick list {PickListNumber} confirmed: {Picked} unit(s) picked, {Short} short ({Actor})")]
    private partial void LogConfirmed(string pickListNumber, int picked, int @short, string actor);
}
