using Microsoft.EntityFrameworkCore;
using OrderHub.Modules.Fulfillment.Persistence;
using OrderHub.Modules.Fulfillment.Sourcing.Planning;

namespace OrderHub.Modules.Fulfillment.Sourcing;

/// <summary>The policy sourcing plans under now: the configured split penalty and the staff's stored rules, in order.</summary>
internal sealed class StaffSourcingRules(FulfillmentDbContext db, SourcingPolicy configured)
{
    public async Task<SourcingPolicy> CurrentAsync(CancellationToken cancellationToken)
    {
        var stored = await db.SourcingRuleSets.AsNoTracking().Select(r => r.Rules).FirstOrDefaultAsync(cancellationToken);
        return stored is null or { Count: 0 } ? configured : configured with { Rules = [.. configured.Rules, .. stored.Select(r => r.ToRule())] };
    }
}
