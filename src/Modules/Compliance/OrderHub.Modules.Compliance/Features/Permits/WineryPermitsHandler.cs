using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Compliance.Domain.Audit;
using OrderHub.Modules.Compliance.Domain.Permits;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.Features.Permits;

internal sealed class GetWineryPermitsHandler(ComplianceDbContext db) : IQueryHandler<GetWineryPermitsQuery, IReadOnlyList<WineryPermitDto>>
{
    public async ValueTask<IReadOnlyList<WineryPermitDto>> Handle(GetWineryPermitsQuery query, CancellationToken cancellationToken) =>
        [.. (await db.Permits.AsNoTracking().OrderBy(p => p.StateCode).ToListAsync(cancellationToken)).Select(WineryPermitDto.From)];
}

/// <summary>Creates or replaces the winery's permit record for a state; audited with who, when and why.</summary>
internal sealed class UpdateWineryPermitHandler(ComplianceDbContext db, RuleBook rules, TimeProvider clock, ILogger<UpdateWineryPermitHandler> logger)
    : ICommandHandler<UpdateWineryPermitCommand, WineryPermitDto>
{
    public async ValueTask<WineryPermitDto> Handle(UpdateWineryPermitCommand command, CancellationToken cancellationToken)
    {
        var code = command.StateCode.Trim().ToUpperInvariant();
        _ = await rules.CurrentAsync(code, cancellationToken) ?? throw new NotFoundException("Compliance rule", code);
        var now = clock.GetUtcNow();
        var permit = await db.Permits.FirstOrDefaultAsync(p => p.StateCode == code, cancellationToken);
        if (permit is null)
        {
            permit = WineryPermit.Create(code, now, command.Actor, command.Reason!);
            db.Permits.Add(permit);
        }

        var was = permit.Held;
        permit.Update(command.Held, command.PermitName, command.PermitNumber, command.LocationCodes, command.LimitedConditionsConfirmed, now, command.Actor, command.Reason!.Trim());
        db.AuditEntries.Add(ComplianceAuditEntry.Create(now, command.Actor, "PermitUpdated", $"permit:{code}", permit.Reason,
            $"held {was}->{permit.Held}; number {permit.PermitNumber}; locations {permit.LocationCodes ?? "all"}; limited conditions confirmed {permit.LimitedConditionsConfirmed}"));
        logger.LogInformation("Winery permit {State} updated by {Actor}: held {Held}", code, command.Actor, permit.Held);
        return WineryPermitDto.From(permit);
    }
}
