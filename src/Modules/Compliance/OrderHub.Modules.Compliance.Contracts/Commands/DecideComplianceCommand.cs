using Mediator;

namespace OrderHub.Modules.Compliance.Contracts.Commands;

/// <summary>
/// Decides whether an order may be sold and shipped: state wine law, 21+ age, per-consumer volume limits.
/// Idempotent per <see cref="DecisionKey"/> (a repeat returns the first decision); re-run with a new key on every
/// edit, before capture and when sourcing picks a ship-from location. The newest approved decision of an order is
/// the one whose volume counts towards the consumer's limits. The key is the decision's own identity (looked up by
/// <c>GetComplianceDecisionQuery</c>, printed on the compliance document), so this is not an <c>IIdempotentCommand</c>:
/// a repeat reads the recorded decision instead of a stored copy of the answer.
/// </summary>
public sealed record DecideComplianceCommand(
    string DecisionKey,
    Guid OrderId,
    string OrderNumber,
    DateOnly OrderDate,
    ComplianceParty Purchaser,
    ComplianceParty Recipient,
    ComplianceAddress Destination,
    bool IsCarryOut,
    string? ShipFromLocationCode,
    IReadOnlyList<ComplianceLine> Lines) : ICommand<ComplianceDecisionDto>;

/// <summary>A person on the order: the purchaser, or the recipient (the same person unless the order is a gift).</summary>
public sealed record ComplianceParty(string Email, string FirstName, string LastName, DateOnly? DateOfBirth);

/// <summary>The delivery address; <see cref="Region"/> is the USPS state code for US addresses.</summary>
public sealed record ComplianceAddress(string Line1, string? Line2, string City, string Region, string PostalCode, string Country);

/// <summary>One order line: <see cref="VolumeMl"/> is the bottle size (750, 1500 ...), 0 for non-alcohol goods.</summary>
public sealed record ComplianceLine(string Sku, int Quantity, bool IsAlcohol, int VolumeMl, decimal UnitPrice);

public enum ComplianceOutcome
{
    Approved,
    Hold,
    Refused,
}

/// <summary>
/// The decision. <see cref="Rule"/> is a stable identifier (null when approved): DtcNotAllowed, DtcLimited,
/// PermitNotHeld, LocationNotLicensed, VolumeLimitExceeded, UnderAge, RecipientUnderAge, AgeUnverified,
/// NonUsDestination, UnknownDestinationState. <see cref="Facts"/> lists every check made, passed or not.
/// </summary>
public sealed record ComplianceDecisionDto(Guid DecisionId, ComplianceOutcome Outcome, string? Rule, string Reason, bool AdultSignatureRequired, IReadOnlyList<string> Facts);
