using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Contracts.IntegrationEvents;
using OrderHub.Modules.Fulfillment.Domain.Fulfillments;
using OrderHub.Modules.Fulfillment.Domain.PickLists;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Picking;
using OrderHub.Modules.Fulfillment.Picking.Waves;
using OrderHub.Modules.Inventory.Contracts.Queries;
using OrderHub.Modules.Orders.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Features.CreatePickList;

/// <summary>
/// Builds one wave: the location's open warehouse fulfillments, oldest order first, planned by the
/// <see cref="PickWavePlanner"/> over the bins and lots Inventory says the wave may take. The list, the fulfillments
/// going Picking, their announcements and the step that pins the orders' holds to the listed lots
/// (<see cref="PinPickedStock"/>) are saved together.
/// </summary>
internal sealed partial class CreatePickListHandler(FulfillmentDbContext db, ISender sender, TimeProvider clock, ILogger<CreatePickListHandler> logger)
    : ICommandHandler<CreatePickListCommand, PickListDto>
{
    /// <summary>What an order may be while its parts are picked: ready, or already picking or packed (a split order).</summary>
    private static readonly HashSet<string> PickableOrderStatuses = new(StringComparer.Ordinal) { "ReadyToFulfill", "Picking", "Packed" };

    public async ValueTask<PickListDto> Handle(CreatePickListCommand command, CancellationToken cancellationToken)
    {
        var location = command.LocationCode!.Trim();
        var open = await db.Fulfillments.Include(f => f.Lines)
            .Where(f => f.LocationCode == location && f.Status == FulfillmentStatus.Open && f.Type == FulfillmentType.Warehouse)
            .ToListAsync(cancellationToken);
        // An order held (staff, a failed re-check) or cancelled since it was sourced waits: its work is not picked.
        var statuses = await sender.Send(new GetOrderStatusesQuery([.. open.Select(f => f.OrderId).Distinct()]), cancellationToken);
        var waiting = open.Where(f => !PickableOrderStatuses.Contains(statuses.GetValueOrDefault(f.OrderId) ?? string.Empty)).ToList();
        open = [.. open.Except(waiting)];
        if (open.Count == 0)
        {
            throw new BusinessRuleViolationException("NothingToPick", waiting.Count == 0
                ? $"{location} has no open fulfillment to pick."
                : $"{location} has no open fulfillment to pick: {waiting.Count} wait for their orders ({string.Join(", ", waiting.Select(f => f.OrderNumber).Distinct().Take(5))}) to leave hold.");
        }

        var orderIds = open.Select(f => f.OrderId).Distinct().ToList();
        var orders = await db.OrdersToFulfill.AsNoTracking().Where(o => orderIds.Contains(o.OrderId))
            .ToDictionaryAsync(o => o.OrderId, o => new { o.PlacedAt, o.StockReservationKey }, cancellationToken);
        var wave = open
            .Select(f => new WaveFulfillment(f.Id, f.OrderNumber, orders[f.OrderId].PlacedAt, [.. f.Lines.Select(l => new WaveLine(l.Sku, l.Quantity))]))
            .OrderBy(f => f.PlacedAt).ThenBy(f => f.OrderNumber, StringComparer.Ordinal).ThenBy(f => f.Id)
            .Take(command.MaxOrders ?? CreatePickListCommand.DefaultMaxOrders)
            .ToList();
        var byId = open.ToDictionary(f => f.Id);
        var keys = wave.Select(f => byId[f.Id].ReservationKey ?? orders[byId[f.Id].OrderId].StockReservationKey).ToList();
        var stock = await sender.Send(new GetPickableStockQuery(location, keys), cancellationToken);

        var now = clock.GetUtcNow();
        var planned = PickWavePlanner.Plan(
            wave, [.. stock.Select(s => new PickableStock(s.Bin, s.Sku, s.Lot, s.Available, s.ExpiresOn, s.ReceivedOn, s.Quarantined))], DateOnly.FromDateTime(now.UtcDateTime));
        var id = Guid.CreateVersion7(now);
        var list = PickList.Create(
            id, await db.PickLists.LongCountAsync(cancellationToken) + 1, location, planned.FulfillmentIds,
            planned.Items.Select(i => new PickListItem(id, i.Sequence, i.Bin, i.Sku, i.Lot, i.Quantity, i.OrderNumber, i.FulfillmentId)), command.Actor, now);
        db.PickLists.Add(list);
        foreach (var fulfillmentId in planned.FulfillmentIds)
        {
            var fulfillment = byId[fulfillmentId];
            fulfillment.StartPicking(id, now);
            db.AddIntegrationEvent(new FulfillmentPickingStartedIntegrationEvent(fulfillment.OrderId, fulfillment.OrderNumber, fulfillment.Id, location, list.Number, command.Actor));
        }

        db.AddInternalCommand(new PinPickedStock(id));
        LogCreated(list.Number, location, planned.FulfillmentIds.Count, planned.Items.Count, planned.Shortages.Count, command.Actor);
        return PickListDto.From(list, _ => PickingDefaults.UnitsPerCase);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pick list {PickListNumber} at {LocationCode}: {Fulfillments} fulfillment(s), {Items} item(s), {Shortages} short ({Actor})")]
    private partial void LogCreated(string pickListNumber, string locationCode, int fulfillments, int items, int shortages, string actor);
}
