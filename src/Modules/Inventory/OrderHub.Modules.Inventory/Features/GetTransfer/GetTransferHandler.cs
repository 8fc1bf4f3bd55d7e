using Mediator;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Inventory.Features.TransferStock;
using OrderHub.Modules.Inventory.Persistence;

namespace OrderHub.Modules.Inventory.Features.GetTransfer;

internal sealed class GetTransferHandler(InventoryDbContext db) : IQueryHandler<GetTransferQuery, StockTransferDto>
{
    public async ValueTask<StockTransferDto> Handle(GetTransferQuery query, CancellationToken cancellationToken)
    {
        var transfer = await db.StockTransfers.AsNoTracking().Include(t => t.Lines).SingleOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Transfer", query.Id.ToString());
        return StockTransferDto.From(transfer);
    }
}
