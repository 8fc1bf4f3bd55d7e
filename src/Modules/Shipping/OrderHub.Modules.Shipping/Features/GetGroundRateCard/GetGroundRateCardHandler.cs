using Mediator;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Contracts.Queries;
using OrderHub.Modules.Shipping.Rating;

namespace OrderHub.Modules.Shipping.Features.GetGroundRateCard;

/// <summary>The ground service of every carrier's current rate table (cached for seconds, as rating reads it).</summary>
internal sealed class GetGroundRateCardHandler(RateTableSource tables, CarrierCatalog catalog) : IQueryHandler<GetGroundRateCardQuery, GroundRateCardDto>
{
    public async ValueTask<GroundRateCardDto> Handle(GetGroundRateCardQuery query, CancellationToken cancellationToken)
    {
        var carriers = new List<GroundRateCardCarrierDto>();
        foreach (var table in await tables.AllAsync(cancellationToken))
        {
            if (table.Services.FirstOrDefault(s => s.Service == ServiceLevel.Ground) is not { } ground)
            {
                continue;
            }

            carriers.Add(new GroundRateCardCarrierDto(
                table.Carrier.ToString(), catalog.CanCarryAlcohol(table.Carrier), table.DimDivisor, table.FuelPercent, table.ResidentialSurcharge, table.AdultSignatureSurcharge,
                [.. table.Zones.Select(z => new ZoneRowDto(z.OriginFrom, z.OriginTo, z.DestinationFrom, z.DestinationTo, z.Zone))],
                [.. ground.Brackets.Select(b => new BracketDto(b.Zone, b.UpToPounds, b.BasePrice, b.PricePerPound))]));
        }

        return new GroundRateCardDto(carriers);
    }
}
