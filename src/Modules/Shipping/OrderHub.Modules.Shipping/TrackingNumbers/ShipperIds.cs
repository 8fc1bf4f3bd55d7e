namespace OrderHub.Modules.Shipping.TrackingNumbers;

/// <summary>
/// The account numbers the carriers gave the shipper, as they appear inside its tracking numbers.
/// </summary>
/// <param name="UpsAccount">UPS shipper account: 6 digits or capitals (the "4A7Y96" of 1Z4A7Y96A800123453).</param>
/// <param name="FedExGroundShipperId">FedEx Ground shipper id: 7 digits (the "1234567" of 123456700000428).</param>
/// <param name="UspsMailerId">USPS Mailer ID: 9 digits (channel 92, 7-digit serials) or 6 digits (channel 93, 10-digit serials).</param>
/// <param name="Gs1CompanyPrefix">GS1 company prefix for SSCC-18 carton numbers: 7 to 10 digits.</param>
internal sealed record ShipperIds(string UpsAccount, string FedExGroundShipperId, string UspsMailerId, string Gs1CompanyPrefix)
{
    /// <summary>Throws when an id has the wrong length or characters, naming it.</summary>
    public void Validate()
    {
        Require(UpsAccount is { Length: 6 } && CheckDigits.AllDigitsOrCapitals(UpsAccount), nameof(UpsAccount), "6 digits or capitals");
        Require(FedExGroundShipperId is { Length: 7 } && CheckDigits.AllDigits(FedExGroundShipperId), nameof(FedExGroundShipperId), "7 digits");
        Require(UspsMailerId is { Length: 6 or 9 } && CheckDigits.AllDigits(UspsMailerId), nameof(UspsMailerId), "6 or 9 digits");
        Require(Gs1CompanyPrefix is { Length: >= 7 and <= 10 } && CheckDigits.AllDigits(Gs1CompanyPrefix), nameof(Gs1CompanyPrefix), "7 to 10 digits");
    }

    private static void Require(bool ok, string name, string shape)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name} must be {shape}.", name);
        }
    }
}
