using System.Globalization;
using OrderHub.Modules.Compliance.Contracts.Commands;
using OrderHub.Modules.Compliance.Domain.Permits;
using OrderHub.Modules.Compliance.Domain.Rules;

namespace OrderHub.Modules.Compliance.Domain.Decisions;

/// <summary>
/// The decision itself, free of I/O: every check runs and is recorded; the outcome is the worst result
/// (Failed → Refused, Hold → Hold, else Approved) and the rule is that of the first check with that result.
/// </summary>
internal static class ComplianceEvaluator
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static DecisionEvaluation Evaluate(
        DecideComplianceCommand command,
        StateRuleVersion? rule,
        WineryPermit? permit,
        IReadOnlyList<PriorVolume> prior)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(prior);
        var alcohol = command.Lines.Where(l => l.IsAlcohol && l.Quantity > 0).ToList();
        if (alcohol.Count == 0)
        {
            return new DecisionEvaluation(ComplianceOutcome.Approved, null, "No alcohol in the order.", false, false, null, null, null, 0, 0m,
                [DecisionCheck.Pass("Alcohol", "No alcohol in the order: compliance rules do not apply.")]);
        }

        var volumeMl = alcohol.Sum(l => l.Quantity * l.VolumeMl);
        var value = alcohol.Sum(l => l.Quantity * l.UnitPrice);
        var checks = new List<DecisionCheck>
        {
            DecisionCheck.Pass("Alcohol", $"{alcohol.Sum(l => l.Quantity)} alcohol item(s), {Litres(volumeMl)} ({string.Join(", ", alcohol.Select(l => $"{l.Quantity} x {l.Sku} {l.VolumeMl} ml"))})."),
            PurchaserAge(command.Purchaser, command.OrderDate),
        };

        if (command.IsCarryOut)
        {
            checks.Add(DecisionCheck.Skip("Shipping", "Carry-out sale at the selling location: no shipment, destination-state rules do not apply."));
            return Conclude(checks, adultSignature: false, state: null, rule: null, volumeMl, value);
        }

        var destination = command.Destination;
        if (!destination.Country.Trim().Equals("US", StringComparison.OrdinalIgnoreCase))
        {
            checks.Add(DecisionCheck.Fail("Destination", ComplianceRules.NonUsDestination, $"Destination country {destination.Country} is not the US: wine is shipped to US consumers only."));
            return Conclude(checks, adultSignature: true, state: null, rule: null, volumeMl, value);
        }

        var state = destination.Region.Trim().ToUpperInvariant();
        if (rule is null)
        {
            checks.Add(DecisionCheck.Fail("Destination", ComplianceRules.UnknownDestinationState, $"No rule exists for destination region '{destination.Region}' (a US state or DC code is required)."));
            return Conclude(checks, adultSignature: true, state: null, rule: null, volumeMl, value);
        }

        checks.Add(DecisionCheck.Pass("Destination", $"{rule.StateName} ({rule.StateCode}), rule version {rule.Version} (effective {rule.EffectiveDate}, confidence {rule.Confidence})."));
        checks.Add(RecipientAge(command.Purchaser, command.Recipient, command.OrderDate));
        checks.Add(Dtc(rule, permit, command.OrderDate));
        checks.Add(Permit(rule, permit));
        checks.Add(Location(rule, permit, command.ShipFromLocationCode));
        checks.AddRange(Volume(rule, prior, command.OrderDate, volumeMl));
        checks.Add(DecisionCheck.Pass("AdultSignature", rule.Signature == SignatureRequirement.WithId
            ? "Adult (21+) signature required at delivery; the state also requires the carrier to check ID."
            : "Adult (21+) signature required at delivery."));
        return Conclude(checks, adultSignature: true, state, rule, volumeMl, value);
    }

    /// <summary>21 or older on the date: the 21st birthday counts (born 29 Feb: 28 Feb in a common year).</summary>
    public static bool IsAdult(DateOnly dateOfBirth, DateOnly on) => dateOfBirth.AddYears(ComplianceRules.LegalDrinkingAge) <= on;

    private static DecisionCheck PurchaserAge(ComplianceParty purchaser, DateOnly orderDate)
    {
        if (purchaser.DateOfBirth is not { } dob)
        {
            return DecisionCheck.Hold("PurchaserAge", ComplianceRules.AgeUnverified, "The purchaser's date of birth is missing: age cannot be verified.");
        }

        return IsAdult(dob, orderDate)
            ? DecisionCheck.Pass("PurchaserAge", $"Purchaser born {Date(dob)} is {AgeOn(dob, orderDate)} on the order date {Date(orderDate)} (21+).")
            : DecisionCheck.Fail("PurchaserAge", ComplianceRules.UnderAge, $"Purchaser born {Date(dob)} is {AgeOn(dob, orderDate)} on the order date {Date(orderDate)}: under 21.");
    }

    private static DecisionCheck RecipientAge(ComplianceParty purchaser, ComplianceParty recipient, DateOnly orderDate)
    {
        var gift = !string.Equals(purchaser.Email.Trim(), recipient.Email.Trim(), StringComparison.OrdinalIgnoreCase)
            || ConsumerKeys.Normalise(purchaser.FirstName + " " + purchaser.LastName) != ConsumerKeys.Normalise(recipient.FirstName + " " + recipient.LastName);
        if (!gift)
        {
            return DecisionCheck.Pass("RecipientAge", "The recipient is the purchaser; the adult signature at delivery confirms 21+.");
        }

        if (recipient.DateOfBirth is not { } dob)
        {
            return DecisionCheck.Pass("RecipientAge", $"Gift to {recipient.FirstName} {recipient.LastName}: the recipient's age is verified at delivery by the adult (21+) signature.");
        }

        return IsAdult(dob, orderDate)
            ? DecisionCheck.Pass("RecipientAge", $"Gift to {recipient.FirstName} {recipient.LastName}, born {Date(dob)}: 21+; adult signature at delivery.")
            : DecisionCheck.Fail("RecipientAge", ComplianceRules.RecipientUnderAge, $"Gift recipient {recipient.FirstName} {recipient.LastName}, born {Date(dob)}, is {AgeOn(dob, orderDate)}: under 21.");
    }

    private static DecisionCheck Dtc(StateRuleVersion rule, WineryPermit? permit, DateOnly orderDate)
    {
        var status = rule.DtcOn(orderDate);
        var scheduled = rule.DtcChangesTo is { } to && rule.DtcChangesOn is { } on ? $" (table: {rule.Dtc}, {to} from {Date(on)})" : string.Empty;
        return status switch
        {
            DtcStatus.Yes => DecisionCheck.Pass("DirectToConsumer", $"{rule.StateName} allows direct-to-consumer wine shipping on {Date(orderDate)}{scheduled}."),
            DtcStatus.Limited when permit?.LimitedConditionsConfirmed == true =>
                DecisionCheck.Pass("DirectToConsumer", $"{rule.StateName} allows DTC shipping with conditions, which staff confirmed the winery meets{scheduled}: {rule.Conditions}"),
            DtcStatus.Limited => DecisionCheck.Hold("DirectToConsumer", ComplianceRules.DtcLimited,
                $"{rule.StateName} allows DTC shipping only under conditions the winery has not confirmed{scheduled}: {rule.Conditions}"),
            _ => DecisionCheck.Fail("DirectToConsumer", ComplianceRules.DtcNotAllowed, $"{rule.StateName} does not allow direct-to-consumer wine shipping on {Date(orderDate)}{scheduled}."),
        };
    }

    private static DecisionCheck Permit(StateRuleVersion rule, WineryPermit? permit)
    {
        if (!rule.PermitRequired)
        {
            return DecisionCheck.Pass("Permit", $"{rule.StateName} requires no shipper permit.");
        }

        return permit?.Held == true
            ? DecisionCheck.Pass("Permit", $"The winery holds the {rule.StateCode} permit ({permit.PermitName ?? rule.PermitName}{(permit.PermitNumber is null ? string.Empty : " no. " + permit.PermitNumber)}).")
            : DecisionCheck.Fail("Permit", ComplianceRules.PermitNotHeld, $"{rule.StateName} requires a {rule.PermitName}; the winery does not hold it.");
    }

    /// <summary>May <paramref name="location"/> ship wine into the rule's state under the winery's permit? Sourcing asks the same question.</summary>
    internal static DecisionCheck Location(StateRuleVersion rule, WineryPermit? permit, string? location)
    {
        if (location is null)
        {
            return DecisionCheck.Skip("ShipFromLocation", "No ship-from location chosen yet; checked again when sourcing picks one.");
        }

        if (!rule.PermitRequired || permit is null || permit.Covers(location))
        {
            return DecisionCheck.Pass("ShipFromLocation", $"Location {location} may ship into {rule.StateCode}.");
        }

        return DecisionCheck.Fail("ShipFromLocation", ComplianceRules.LocationNotLicensed,
            $"The {rule.StateCode} permit covers only {string.Join(", ", permit.Locations())}, not {location}.");
    }

    private static IEnumerable<DecisionCheck> Volume(StateRuleVersion rule, IReadOnlyList<PriorVolume> prior, DateOnly orderDate, int volumeMl)
    {
        var limits = rule.ParsedLimits();
        if (limits.Count == 0)
        {
            yield return DecisionCheck.Pass("VolumeLimit", $"{rule.StateName} sets no per-consumer volume limit.");
            yield break;
        }

        foreach (var limit in limits)
        {
            var (from, to) = limit.Window(orderDate);
            var earlier = limit.Period == LimitPeriod.PerShipment
                ? 0
                : prior.Where(p => p.OrderDate >= from && p.OrderDate <= to && (limit.Basis == CountingBasis.Address ? p.SameAddress : p.SamePerson)).Sum(p => p.VolumeMl);
            var total = earlier + volumeMl;
            var window = limit.Period == LimitPeriod.PerShipment ? "this shipment" : $"{Date(from)}..{Date(to)}";
            var who = limit.Basis == CountingBasis.Address ? "this address" : "this consumer";
            var detail = $"Limit {limit} = {limit.Litres.ToString("0.###", Inv)} L for {who} in {window}: earlier {Litres(earlier)} + this order {Litres(volumeMl)} = {Litres(total)}.";
            yield return total <= limit.Millilitres
                ? DecisionCheck.Pass("VolumeLimit", detail)
                : DecisionCheck.Fail("VolumeLimit", ComplianceRules.VolumeLimitExceeded, detail);
        }
    }

    private static DecisionEvaluation Conclude(List<DecisionCheck> checks, bool adultSignature, string? state, StateRuleVersion? rule, int volumeMl, decimal value)
    {
        var blocking = checks.FirstOrDefault(c => c.Result == CheckResult.Failed) ?? checks.FirstOrDefault(c => c.Result == CheckResult.Hold);
        var outcome = blocking?.Result switch
        {
            CheckResult.Failed => ComplianceOutcome.Refused,
            CheckResult.Hold => ComplianceOutcome.Hold,
            _ => ComplianceOutcome.Approved,
        };
        var reason = blocking?.Detail ?? "All compliance checks passed.";
        return new DecisionEvaluation(outcome, blocking?.Rule, reason, adultSignature, true, state, rule?.Id, rule?.Version, volumeMl, value, checks);
    }

    private static int AgeOn(DateOnly dob, DateOnly on)
    {
        var age = on.Year - dob.Year;
        return dob.AddYears(age) > on ? age - 1 : age;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static string Litres(int ml) => (ml / 1000m).ToString("0.###", Inv) + " L";
}
