using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Fulfillment.Documents;
using OrderHub.Modules.Fulfillment.Domain.PickLists;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Picking;
using OrderHub.Modules.Fulfillment.Picking.Waves;
using OrderHub.Modules.Inventory.Contracts.Queries;

namespace OrderHub.Modules.Fulfillment.Features.GetPickList;

internal sealed class GetPickListHandler(FulfillmentDbContext db, ISender sender)
    : IQueryHandler<GetPickListQuery, PickListDto>, IQueryHandler<GetPickListDocumentQuery, PickListDocumentFile>
{
    public async ValueTask<PickListDto> Handle(GetPickListQuery query, CancellationToken cancellationToken) =>
        PickListDto.From(await LoadAsync(query.Id, cancellationToken), _ => PickingDefaults.UnitsPerCase);

    public async ValueTask<PickListDocumentFile> Handle(GetPickListDocumentQuery query, CancellationToken cancellationToken)
    {
        var list = await LoadAsync(query.Id, cancellationToken);
        var products = (await sender.Send(new GetProductsBySkuQuery([.. list.Items.Select(i => i.Sku).Distinct(StringComparer.Ordinal)]), cancellationToken))
            .ToDictionary(p => p.Sku, p => p.Name, StringComparer.Ordinal);
        var view = new PickListView(list.Number, list.LocationCode, null, list.CreatedAt, [.. list.Items.OrderBy(i => i.Sequence).Select(i => new PickListLineView(
            i.Sequence, i.Bin, i.Sku, products.GetValueOrDefault(i.Sku, i.Sku), i.Lot, i.Quantity, CaseQuantity.Of(i.Quantity, PickingDefaults.UnitsPerCase), i.OrderNumber))]);
        return new PickListDocumentFile(list.Number, PickListDocument.Render(view));
    }

    private async Task<PickList> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.PickLists.AsNoTracking().Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException("Pick list", id.ToString());
}
