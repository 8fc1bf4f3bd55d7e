using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.Modules.Compliance.Domain.Permits;
using OrderHub.Modules.Compliance.Domain.Rules;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.DemoData;

/// <summary>Seeds the 51 state rules and, for the demo winery, a held permit in every state where DTC is Yes or Limited.</summary>
internal sealed class ComplianceDemoDataSeeder(ComplianceDbContext db, RuleBook rules, TimeProvider clock, ILogger<ComplianceDemoDataSeeder> logger) : IDemoDataSeeder
{
    public int Order => 20;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await rules.EnsureSeededAsync(cancellationToken);
        if (await db.Permits.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var current = await db.RuleVersions.AsNoTracking().Where(r => r.IsCurrent).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var rule in current.Where(r => r.Dtc != DtcStatus.No || r.DtcChangesTo is DtcStatus.Yes or DtcStatus.Limited))
        {
            var permit = WineryPermit.Create(rule.StateCode, now, RuleBook.SeedActor, "Demo winery");
            permit.Update(held: true, rule.PermitName, $"DEMO-{rule.StateCode}-0001", locationCodes: null, limitedConditionsConfirmed: false, now, RuleBook.SeedActor, "Demo winery holds every available permit");
            db.Permits.Add(permit);
            count++;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} demo winery permits", count);
    }
}
