using Mediator;

namespace OrderHub.Modules.Payments.Contracts.Queries;

/// <summary>The payment ledger of one order: totals and every authorization, capture, void and refund.</summary>
public sealed record GetOrderPaymentsQuery(Guid OrderId) : IQuery<OrderPaymentsDto>;

/// <summary>
/// Totals always reconcile: Authorized − Voided ≥ Captured ≥ Refunded ≥ 0. Only succeeded transactions count.
/// An order with no payment has empty totals and an empty <see cref="Currency"/>.
/// </summary>
public sealed record OrderPaymentsDto(
    Guid OrderId,
    string Currency,
    decimal Authorized,
    decimal Voided,
    decimal Captured,
    decimal Refunded,
    IReadOnlyList<PaymentTransactionDto> Transactions);

/// <summary>One entry of an order's <c>payments</c> array (API.md).</summary>
public sealed record PaymentTransactionDto(string Type /* Authorization|Capture|Void|Refund */, decimal Amount, string Currency, string Status /* Succeeded|Failed|Pending */, string? Reference, DateTimeOffset At);

/// <summary>Destination-based sales tax plus wine excise (shown separately) for a US destination.</summary>
public sealed record CalculateTaxQuery(string Country, string Region, decimal Subtotal, decimal Shipping, IReadOnlyList<TaxLine> Lines) : IQuery<TaxDto>;

public sealed record TaxLine(string Sku, int Quantity, decimal UnitPrice, bool IsAlcohol, int VolumeMl);

/// <summary><see cref="Basis"/> explains each amount (rate, state, volume) so staff can check it.</summary>
public sealed record TaxDto(decimal SalesTax, decimal ExciseTax, decimal Total, string Currency, IReadOnlyList<string> Basis);
