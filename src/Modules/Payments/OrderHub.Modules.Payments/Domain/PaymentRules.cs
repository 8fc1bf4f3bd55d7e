using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Modules.Payments.Domain;

internal sealed class CaptureMustNotExceedAuthorizedRule(decimal requested, decimal uncaptured) : IBusinessRule
{
    public bool IsBroken() => requested > uncaptured;

    public string Message => $"Cannot capture {requested:0.00}: only {uncaptured:0.00} is authorized and not yet captured or released.";
}

internal sealed class RefundMustNotExceedCapturedRule(decimal requested, decimal refundable) : IBusinessRule
{
    public bool IsBroken() => requested > refundable;

    public string Message => $"Cannot refund {requested:0.00}: only {refundable:0.00} was captured and not yet refunded.";
}

internal sealed class VoidMustNotExceedUncapturedRule(decimal requested, decimal uncaptured) : IBusinessRule
{
    public bool IsBroken() => requested > uncaptured;

    public string Message => $"Cannot release {requested:0.00}: only {uncaptured:0.00} is authorized and not captured.";
}

internal sealed class PaymentCurrencyMustMatchOrderRule(string requested, string? ledgerCurrency) : IBusinessRule
{
    public bool IsBroken() => ledgerCurrency is not null && !string.Equals(requested, ledgerCurrency, StringComparison.Ordinal);

    public string Message => $"The order is paid in {ledgerCurrency}; a payment in {requested} cannot be added.";
}
