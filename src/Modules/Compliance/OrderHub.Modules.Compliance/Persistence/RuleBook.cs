using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Compliance.Domain.Rules;

namespace OrderHub.Modules.Compliance.Persistence;

/// <summary>
/// The rules as the module reads them. The 51 seed rows come from the embedded wine-dtc-law.md and are written the
/// first time the rules are needed (or by the demo seeder at start-up), in any environment.
/// </summary>
internal sealed class RuleBook(ComplianceDbContext db, RuleSeedState seed, TimeProvider clock, ILogger<RuleBook> logger)
{
    public const string SeedActor = "system:seed";

    public async Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        if (seed.Known)
        {
            return;
        }

        if (await db.RuleVersions.AnyAsync(cancellationToken))
        {
            seed.Known = true;
            return;
        }

        var now = clock.GetUtcNow();
        var rows = LawTable.ParseEmbedded();
        db.RuleVersions.AddRange(rows.Select(r => StateRuleVersion.Create(r, 1, now, SeedActor, "Seeded from wine-dtc-law.md")));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} state wine shipping rules from the embedded law table", rows.Count);
    }

    public async Task<StateRuleVersion?> CurrentAsync(string stateCode, CancellationToken cancellationToken)
    {
        await EnsureSeededAsync(cancellationToken);
        var code = stateCode.Trim().ToUpperInvariant();
        return await db.RuleVersions.FirstOrDefaultAsync(r => r.StateCode == code && r.IsCurrent, cancellationToken);
    }
}

/// <summary>
/// Per host (singleton): whether this host already saw the rule table seeded. Rule versions are only ever added, so once
/// seeded always seeded, and decisions skip the check after the first.
/// </summary>
internal sealed class RuleSeedState
{
    public volatile bool Known;
}
