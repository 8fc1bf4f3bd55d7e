using System.Text.Json.Serialization;
using Mediator;
using OrderHub.Modules.Inventory.Features.TransferStock;

namespace OrderHub.Modules.Inventory.Features.ReceiveTransfer;

/// <summary>The body of <c>POST /api/v1/inventory/transfers/{id}/receive</c>: the bin at the destination (optional).</summary>
internal sealed record ReceiveTransferCommand : ICommand<StockTransferDto>
{
    [JsonIgnore]
    public Guid TransferId { get; init; }

    public string? Bin { get; init; }
}
