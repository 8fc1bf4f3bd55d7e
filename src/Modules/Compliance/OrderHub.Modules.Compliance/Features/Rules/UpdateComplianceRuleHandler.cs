using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Modules.Compliance.Domain.Audit;
using OrderHub.Modules.Compliance.Domain.Rules;
using OrderHub.Modules.Compliance.Persistence;

namespace OrderHub.Modules.Compliance.Features.Rules;

/// <summary>Adds a new version of a state's rule (the old one stays, for the decisions that used it) and audits who, when and why.</summary>
internal sealed class UpdateComplianceRuleHandler(ComplianceDbContext db, RuleBook rules, TimeProvider clock, ILogger<UpdateComplianceRuleHandler> logger)
    : ICommandHandler<UpdateComplianceRuleCommand, ComplianceRuleDto>
{
    public async ValueTask<ComplianceRuleDto> Handle(UpdateComplianceRuleCommand command, CancellationToken cancellationToken)
    {
        var code = command.StateCode.Trim().ToUpperInvariant();
        await rules.EnsureSeededAsync(cancellationToken);
        var current = await db.RuleVersions.FirstOrDefaultAsync(r => r.StateCode == code && r.IsCurrent, cancellationToken)
            ?? throw new NotFoundException("Compliance rule", code);

        var was = current.Content();
        var changesTo = command.DtcChangesTo is null ? (command.Dtc is null ? was.DtcChangesTo : null) : Enum.Parse<DtcStatus>(command.DtcChangesTo);
        var content = was with
        {
            Dtc = command.Dtc is null ? was.Dtc : Enum.Parse<DtcStatus>(command.Dtc),
            DtcChangesTo = changesTo,
            DtcChangesOn = changesTo is null ? null : command.DtcChangesOn ?? was.DtcChangesOn,
            PermitRequired = command.PermitRequired ?? was.PermitRequired,
            PermitName = command.PermitName ?? was.PermitName,
            Limits = command.Limits is null ? was.Limits : [.. command.Limits.Select(VolumeLimit.Parse)],
            Signature = command.AdultSignature is null ? was.Signature : Enum.Parse<SignatureRequirement>(command.AdultSignature),
            Conditions = command.Conditions ?? was.Conditions,
            Confidence = command.Confidence ?? was.Confidence,
            EffectiveDate = command.EffectiveDate ?? was.EffectiveDate,
            Sources = command.Sources ?? was.Sources,
        };

        var now = clock.GetUtcNow();
        var next = current.Supersede(content, now, command.Actor, command.Reason!.Trim());
        db.RuleVersions.Add(next);
        db.AuditEntries.Add(ComplianceAuditEntry.Create(now, command.Actor, "RuleVersionCreated", $"rule:{code} v{next.Version}", next.Reason,
            $"DTC {was.Dtc}->{content.Dtc}; limits '{VolumeLimit.FormatList(was.Limits)}' -> '{next.Limits}'; permit required {was.PermitRequired}->{content.PermitRequired}; signature {was.Signature}->{content.Signature}"));
        logger.LogInformation("Compliance rule {State} changed to version {Version} by {Actor}: {Reason}", code, next.Version, command.Actor, next.Reason);

        var permit = await db.Permits.AsNoTracking().FirstOrDefaultAsync(p => p.StateCode == code, cancellationToken);
        return ComplianceRuleDto.From(next, permit);
    }
}
