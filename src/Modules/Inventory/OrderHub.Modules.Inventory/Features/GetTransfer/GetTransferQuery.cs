using Mediator;
using OrderHub.Modules.Inventory.Features.TransferStock;

namespace OrderHub.Modules.Inventory.Features.GetTransfer;

internal sealed record GetTransferQuery(Guid Id) : IQuery<StockTransferDto>;
