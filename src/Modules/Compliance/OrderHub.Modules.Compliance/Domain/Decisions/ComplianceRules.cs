namespace OrderHub.Modules.Compliance.Domain.Decisions;

/// <summary>The stable rule identifiers a decision names when it is not approved.</summary>
internal static class ComplianceRules
{
    public const string DtcNotAllowed = "DtcNotAllowed";
    public const string DtcLimited = "DtcLimited";
    public const string PermitNotHeld = "PermitNotHeld";
    public const string LocationNotLicensed = "LocationNotLicensed";
    public const string VolumeLimitExceeded = "VolumeLimitExceeded";
    public const string UnderAge = "UnderAge";
    public const string RecipientUnderAge = "RecipientUnderAge";
    public const string AgeUnverified = "AgeUnverified";
    public const string NonUsDestination = "NonUsDestination";
    public const string UnknownDestinationState = "UnknownDestinationState";

    public const int LegalDrinkingAge = 21;
}
