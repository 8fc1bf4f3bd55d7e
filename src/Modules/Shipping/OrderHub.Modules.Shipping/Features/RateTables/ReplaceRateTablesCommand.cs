using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.Persistence;
using OrderHub.Modules.Shipping.Rating;

namespace OrderHub.Modules.Shipping.Features.RateTables;

/// <summary>
/// The body of <c>PUT /api/v1/shipping/rate-tables</c>: the complete new set of tables (one per carrier; a carrier left
/// out has no table-based rates), the version read (409 if they changed meanwhile) and why.
/// </summary>
internal sealed record ReplaceRateTablesCommand : ICommand<RateTablesDto>
{
    public int? Version { get; init; }

    public IReadOnlyList<CarrierRateTable>? Carriers { get; init; }

    public string? Reason { get; init; }

    [JsonIgnore]
    public string Actor { get; init; } = "system";
}

/// <summary>
/// Shape and coherence of the tables (400 with field errors): each carrier once, ZIP3 ranges of three digits in order,
/// only services the carrier sells, and for every zone of the chart a transit time and at least one weight bracket.
/// </summary>
internal sealed class ReplaceRateTablesValidator : AbstractValidator<ReplaceRateTablesCommand>
{
    private const string Zip3 = "^[0-9]{3}$";

    public ReplaceRateTablesValidator()
    {
        RuleFor(c => c.Version).NotNull().GreaterThanOrEqualTo(0).WithMessage("Send the version read (GET /api/v1/shipping/rate-tables).");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
        RuleFor(c => c.Carriers).NotNull().Must(c => c is null || c.Count <= Enum.GetValues<Carrier>().Length)
            .Must(c => c is null || c.Where(t => t is not null).Select(t => t.Carrier).Distinct().Count() == c.Count(t => t is not null))
            .WithMessage("Each carrier has at most one table.");
        RuleForEach(c => c.Carriers).NotNull().ChildRules(table =>
        {
            table.RuleFor(t => t.Carrier).IsInEnum();
            table.RuleFor(t => t.DimDivisor).InclusiveBetween(1, 1000);
            table.RuleFor(t => t.FuelPercent).InclusiveBetween(0m, 100m);
            table.RuleFor(t => t.ResidentialSurcharge).InclusiveBetween(0m, 1000m);
            table.RuleFor(t => t.AdultSignatureSurcharge).InclusiveBetween(0m, 1000m);
            table.RuleFor(t => t.Zones).NotEmpty().Must(z => z is null || z.Count <= 2000).WithMessage("At most 2000 zone rows.");
            table.RuleForEach(t => t.Zones).NotNull().ChildRules(zone =>
            {
                zone.RuleFor(z => z.OriginFrom).NotEmpty().Matches(Zip3).WithMessage("A ZIP3 prefix is three digits.");
                zone.RuleFor(z => z.OriginTo).NotEmpty().Matches(Zip3).WithMessage("A ZIP3 prefix is three digits.")
                    .Must((z, to) => z.OriginFrom is null || string.CompareOrdinal(z.OriginFrom, to) <= 0).WithMessage("originTo comes after originFrom.");
                zone.RuleFor(z => z.DestinationFrom).NotEmpty().Matches(Zip3).WithMessage("A ZIP3 prefix is three digits.");
                zone.RuleFor(z => z.DestinationTo).NotEmpty().Matches(Zip3).WithMessage("A ZIP3 prefix is three digits.")
                    .Must((z, to) => z.DestinationFrom is null || string.CompareOrdinal(z.DestinationFrom, to) <= 0).WithMessage("destinationTo comes after destinationFrom.");
                zone.RuleFor(z => z.Zone).InclusiveBetween(1, 99);
            });
            table.RuleFor(t => t.Services).NotEmpty()
                .Must(s => s is null || s.Where(x => x is not null).Select(x => x.Service).Distinct().Count() == s.Count(x => x is not null))
                .WithMessage("Each service has at most one table.");
            table.RuleForEach(t => t.Services).NotNull().ChildRules(service =>
            {
                service.RuleFor(s => s.TransitDays).NotEmpty();
                service.RuleForEach(s => s.TransitDays).NotNull().ChildRules(transit =>
                {
                    transit.RuleFor(d => d.Zone).InclusiveBetween(1, 99);
                    transit.RuleFor(d => d.Days).InclusiveBetween(0, 30);
                });
                service.RuleFor(s => s.Brackets).NotEmpty().Must(b => b is null || b.Count <= 2000).WithMessage("At most 2000 brackets.");
                service.RuleForEach(s => s.Brackets).NotNull().ChildRules(bracket =>
                {
                    bracket.RuleFor(b => b.Zone).InclusiveBetween(1, 99);
                    bracket.RuleFor(b => b.UpToPounds).InclusiveBetween(1, 150);
                    bracket.RuleFor(b => b.BasePrice).InclusiveBetween(0m, 10_000m);
                    bracket.RuleFor(b => b.PricePerPound).InclusiveBetween(0m, 1_000m);
                });
            });
            table.RuleForEach(t => t.Services)
                .Must((t, s) => s is null || CarrierCatalog.Find(t.Carrier, s.Service) is not null)
                .WithMessage((t, s) => $"{t.Carrier} has no {s?.Service} service; it sells {string.Join(", ", CarrierCatalog.ServicesOf(t.Carrier).Select(x => x.Level))}.")
                .Must((t, s) => s is null || MissingZones(t, s).Count == 0)
                .WithMessage((t, s) => $"Every zone of the chart needs a transit time and a weight bracket; missing for zone(s) {string.Join(", ", MissingZones(t, s))}.");
        });
    }

    private static List<int> MissingZones(CarrierRateTable table, ServiceRateTable service) =>
        [.. (table.Zones ?? []).Where(z => z is not null).Select(z => z.Zone).Distinct().Order()
            .Where(zone => !(service.TransitDays ?? []).Any(t => t?.Zone == zone) || !(service.Brackets ?? []).Any(b => b?.Zone == zone))];
}

/// <summary>Replaces the tables whole and keeps the edit (who, when, why, before and after) in one transaction.</summary>
internal sealed partial class ReplaceRateTablesHandler(ShippingDbContext db, RateTableSource source, TimeProvider clock, ILogger<ReplaceRateTablesHandler> logger)
    : ICommandHandler<ReplaceRateTablesCommand, RateTablesDto>
{
    public async ValueTask<RateTablesDto> Handle(ReplaceRateTablesCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var set = await db.RateTableSets.SingleOrDefaultAsync(s => s.Id == RateTableSet.SingletonId, cancellationToken);
        if (set is null)
        {
            set = RateTableSet.Defaults(now);
            db.RateTableSets.Add(set);
        }

        var tables = command.Carriers!.OrderBy(t => t.Carrier).ToList();
        db.RateTablesChanges.Add(set.Replace(tables, command.Version!.Value, command.Reason!.Trim(), command.Actor, now));
        source.Invalidate(); // this host rates from the new tables at once; others within RateTableSource.CacheFor
        LogReplaced(set.Version, tables.Count, command.Actor, command.Reason);
        return RateTablesDto.From(set);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate tables version {Version}: {Carriers} carrier table(s), by {Actor} ({Reason})")]
    private partial void LogReplaced(int version, int carriers, string actor, string reason);
}
