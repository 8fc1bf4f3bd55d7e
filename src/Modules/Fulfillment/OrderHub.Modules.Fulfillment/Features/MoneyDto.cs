namespace OrderHub.Modules.Fulfillment.Features;

/// <summary>An amount of money as the API carries it: <c>{ amount, currency }</c> (ISO 4217).</summary>
internal sealed record MoneyDto(decimal Amount, string Currency);
