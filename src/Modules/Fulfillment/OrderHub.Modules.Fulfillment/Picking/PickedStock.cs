using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Fulfillment.Domain.PickLists;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Inventory.Contracts.Commands;

namespace OrderHub.Modules.Fulfillment.Picking;

/// <summary>Reads a pick list with the reservation key of each fulfillment on it, and turns items into Inventory pins.</summary>
internal sealed class PickedStock(FulfillmentDbContext db)
{
    public async Task<(PickList List, IReadOnlyDictionary<Guid, string> KeyOf)> ReadAsync(Guid pickListId, CancellationToken cancellationToken)
    {
        var list = await db.PickLists.AsNoTracking().Include(p => p.Items).SingleAsync(p => p.Id == pickListId, cancellationToken);
        return (list, await KeysAsync(list.FulfillmentIds, cancellationToken));
    }

    /// <summary>The reservation key each fulfillment's units are held under (its own, else its order's).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> KeysAsync(IReadOnlyList<Guid> fulfillmentIds, CancellationToken cancellationToken)
    {
        List<Guid> ids = [.. fulfillmentIds];
        return await (from f in db.Fulfillments
                      join o in db.OrdersToFulfill on f.OrderId equals o.OrderId
                      where ids.Contains(f.Id)
                      select new { f.Id, Key = f.ReservationKey ?? o.StockReservationKey })
            .ToDictionaryAsync(x => x.Id, x => x.Key, cancellationToken);
    }

    /// <summary>One pin per item: the units taken at the lot taken (an item with nothing taken pins nothing).</summary>
    public static List<PinnedUnits> Pins(
        IEnumerable<PickListItem> items, IReadOnlyDictionary<Guid, string> keyOf, Func<PickListItem, (int Units, string Lot)> taken) =>
        [.. items
            .Select(i => (Item: i, Taken: taken(i)))
            .Where(x => x.Taken.Units > 0)
            .Select(x => new PinnedUnits(keyOf[x.Item.FulfillmentId], x.Item.Sku, x.Item.Bin, x.Taken.Lot, x.Taken.Units))];
}
