using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.Features.ReleaseComplianceVolume;

/// <summary>A cancelled order's volume stops counting towards the consumer's limits. Idempotent.</summary>
internal sealed class ReleaseComplianceVolumeHandler(ComplianceDbContext db, TimeProvider clock, ILogger<ReleaseComplianceVolumeHandler> logger)
    : ICommandHandler<ReleaseComplianceVolumeCommand, bool>
{
    public async ValueTask<bool> Handle(ReleaseComplianceVolumeCommand command, CancellationToken cancellationToken)
    {
        var counted = await db.Decisions.Where(d => d.OrderId == command.OrderId && d.CountsTowardLimits).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var released = false;
        foreach (var decision in counted)
        {
            released |= decision.Release(now);
        }

        if (released)
        {
            logger.LogInformation("Released compliance volume of order {OrderNumber} ({OrderId})", counted[0].OrderNumber, command.OrderId);
        }

        return released;
    }
}
