using Mediator;

namespace OrderHub.Modules.Inventory.Features.VerifyStockLedger;

/// <summary>Rebuilds on-hand of every stock item from the movement ledger and compares it with the stored on-hand.</summary>
internal sealed record VerifyStockLedgerQuery : IQuery<StockLedgerReportDto>;

internal sealed record StockLedgerReportDto(int StockItems, int Movements, IReadOnlyList<StockLedgerMismatchDto> Mismatches);

internal sealed record StockLedgerMismatchDto(string Sku, string LocationCode, string Bin, string Lot, int OnHand, int RebuiltOnHand);
