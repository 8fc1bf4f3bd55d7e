using OrderHub.Modules.Compliance.Contracts.Commands;

namespace OrderHub.Modules.Compliance.Domain.Decisions;

/// <summary>
/// A compliance decision with its evidence: the checks made, the rule version used and the volume it counts.
/// An approved shipping decision counts towards the consumer's limits until a newer approved decision for the same
/// order supersedes it or the order is cancelled (volume released).
/// </summary>
internal sealed class ComplianceDecision
{
    private ComplianceDecision()
    {
    }

    public Guid Id { get; private set; }

    public string DecisionKey { get; private set; } = string.Empty;

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; } = string.Empty;

    public DateOnly OrderDate { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public ComplianceOutcome Outcome { get; private set; }

    public string? Rule { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public bool AdultSignatureRequired { get; private set; }

    public bool IsCarryOut { get; private set; }

    public bool ContainsAlcohol { get; private set; }

    public string? StateCode { get; private set; }

    public Guid? RuleVersionId { get; private set; }

    public int? RuleVersion { get; private set; }

    public string? ShipFromLocationCode { get; private set; }

    public string PurchaserName { get; private set; } = string.Empty;

    public string RecipientName { get; private set; } = string.Empty;

    public string DestinationText { get; private set; } = string.Empty;

    public string EmailKey { get; private set; } = string.Empty;

    public string PersonKey { get; private set; } = string.Empty;

    public string AddressKey { get; private set; } = string.Empty;

    /// <summary>Alcohol volume of the order (bottles x bottle size).</summary>
    public int VolumeMl { get; private set; }

    /// <summary>Value of the alcohol lines in cents (SQLite cannot sum decimals).</summary>
    public long AlcoholValueCents { get; private set; }

    /// <summary>The checks as JSON (<see cref="DecisionCheck"/> list).</summary>
    public string ChecksJson { get; private set; } = "[]";

    /// <summary>True while this decision's volume counts towards limits.</summary>
    public bool CountsTowardLimits { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public static ComplianceDecision Record(DecideComplianceCommand command, DecisionEvaluation evaluation, ConsumerKeys keys, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(keys);
        var d = command.Destination;
        return new ComplianceDecision
        {
            Id = Guid.NewGuid(),
            DecisionKey = command.DecisionKey,
            OrderId = command.OrderId,
            OrderNumber = command.OrderNumber,
            OrderDate = command.OrderDate,
            DecidedAt = at,
            Outcome = evaluation.Outcome,
            Rule = evaluation.Rule,
            Reason = evaluation.Reason,
            AdultSignatureRequired = evaluation.AdultSignatureRequired,
            IsCarryOut = command.IsCarryOut,
            ContainsAlcohol = evaluation.ContainsAlcohol,
            StateCode = evaluation.StateCode,
            RuleVersionId = evaluation.RuleVersionId,
            RuleVersion = evaluation.RuleVersion,
            ShipFromLocationCode = command.ShipFromLocationCode,
            PurchaserName = $"{command.Purchaser.FirstName} {command.Purchaser.LastName}".Trim(),
            RecipientName = $"{command.Recipient.FirstName} {command.Recipient.LastName}".Trim(),
            DestinationText = string.Join(", ", new[] { d.Line1, d.Line2, d.City, $"{d.Region} {d.PostalCode}", d.Country }.Where(s => !string.IsNullOrWhiteSpace(s))),
            EmailKey = keys.Email,
            PersonKey = keys.Person,
            AddressKey = keys.Address,
            VolumeMl = evaluation.VolumeMl,
            AlcoholValueCents = (long)decimal.Round(evaluation.AlcoholValue * 100m, MidpointRounding.AwayFromZero),
            ChecksJson = DecisionCheck.Serialize(evaluation.Checks),
            CountsTowardLimits = evaluation.Outcome == ComplianceOutcome.Approved && evaluation.ContainsAlcohol && !command.IsCarryOut,
        };
    }

    public IReadOnlyList<DecisionCheck> Checks() => DecisionCheck.Deserialize(ChecksJson);

    public void Supersede(DateTimeOffset at)
    {
        CountsTowardLimits = false;
        SupersededAt = at;
    }

    public bool Release(DateTimeOffset at)
    {
        if (!CountsTowardLimits)
        {
            return false;
        }

        CountsTowardLimits = false;
        ReleasedAt = at;
        return true;
    }

    public ComplianceDecisionDto ToDto() =>
        new(Id, Outcome, Rule, Reason, AdultSignatureRequired, [.. Checks().Select(c => c.ToFact())]);
}
