using OrderHub.Modules.Shipping.Carriers;

namespace OrderHub.Modules.Shipping.Rating;

/// <summary>
/// The simulated carrier: rates from the staff's rate tables (or the built-in ones) for a carrier whose API is not
/// configured. A carrier without a table, or a lane its chart does not cover, has no rates.
/// </summary>
internal sealed class TableCarrierRates(Carrier carrier, RateTableSource tables) : ICarrierRates
{
    public Carrier Carrier { get; } = carrier;

    public async Task<IReadOnlyList<CarrierRate>> RateAsync(RateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await tables.ForAsync(Carrier, cancellationToken) is { } table ? RateCalculator.Rate(table, request) : [];
    }
}
