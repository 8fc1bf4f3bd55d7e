using System.Globalization;
using System.Text;
using OrderHub.Modules.Shipping.Carriers;

namespace OrderHub.Modules.Shipping.TrackingNumbers;

/// <summary>
/// Tracking numbers in each carrier's real format with a valid check digit (carriers.md section 1), made from a numeric
/// serial, and a strict validator. The serial is the package's place in the shipper's sequence: within a carrier, distinct
/// serials always give distinct numbers (the serial is written out in full, never hashed or cut).
/// <list type="bullet">
/// <item>UPS: <c>1Z</c> + 6-char account + 2-char service + 7-digit serial + UPS check digit (18 chars).</item>
/// <item>FedEx TwoDay/Overnight: Express, 11-digit serial + mod-11 check (12 digits).</item>
/// <item>FedEx Ground: <c>96</c> + SCNC <c>11</c> + service <c>020</c> + 7-digit shipper id + 7-digit serial + GS1 check
/// (the 22-digit barcode form; <see cref="DisplayForm"/> gives the 15-digit number inside it).</item>
/// <item>USPS: IMpb, <c>92</c> + STC + 9-digit MID + 7-digit serial (or <c>93</c> + STC + 6-digit MID + 10-digit serial) + GS1 check (22 digits).</item>
/// <item>DHL Express: 9-digit serial + (serial mod 7) (10 digits).</item>
/// <item>Courier: <c>OHC</c> + 10-digit serial + GS1 mod-10 check over those 10 digits (14 chars), e.g. <c>OHC12345678905</c>.</item>
/// </list>
/// </summary>
internal static class TrackingNumberFormat
{
    /// <summary>The Courier's prefix (OrderHub Courier).</summary>
    public const string CourierPrefix = "OHC";

    /// <summary>FedEx Ground 96 barcode: the SCNC and service code of carriers.md's verified example (9611020...).</summary>
    public const string FedExGroundBarcodePrefix = "9611020";

    /// <summary>UPS service codes: 03 Ground and A8 Ground with adult signature (carriers.md), 02 2nd Day Air, 01 Next Day Air.</summary>
    public static string UpsServiceCode(ServiceLevel service, bool adultSignature) => service switch
    {
        ServiceLevel.Ground => adultSignature ? "A8" : "03",
        ServiceLevel.TwoDay => "02",
        ServiceLevel.Overnight => "01",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    /// <summary>USPS Service Type Codes: 001 Ground Advantage (the doc's placeholder), 055 Priority Mail, 701 Priority Mail Express.</summary>
    public static string UspsServiceTypeCode(ServiceLevel service) => service switch
    {
        ServiceLevel.Ground => "001",
        ServiceLevel.TwoDay => "055",
        ServiceLevel.Overnight => "701",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    /// <summary>The largest serial <see cref="Create"/> takes for this carrier and service (the smallest is 0).</summary>
    public static long MaxSerial(Carrier carrier, ServiceLevel service, ShipperIds ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return carrier switch
        {
            Carrier.UPS => 9_999_999,
            Carrier.FedEx => service == ServiceLevel.Ground ? 9_999_999 : 99_999_999_999,
            Carrier.USPS => ids.UspsMailerId.Length == 9 ? 9_999_999 : 9_999_999_999,
            Carrier.DHL => 999_999_999,
            Carrier.Courier => 9_999_999_999,
            _ => throw new ArgumentOutOfRangeException(nameof(carrier), carrier, null),
        };
    }

    /// <summary>
    /// The tracking number of the package numbered <paramref name="serial"/> (0 to <see cref="MaxSerial"/>).
    /// <paramref name="adultSignature"/> only changes UPS Ground's service code (A8); elsewhere it is a package option.
    /// </summary>
    public static string Create(Carrier carrier, ServiceLevel service, bool adultSignature, long serial, ShipperIds ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ids.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial(carrier, service, ids));
        return carrier switch
        {
            Carrier.UPS => WithCheck("1Z" + ids.UpsAccount + UpsServiceCode(service, adultSignature) + Digits(serial, 7), 2, CheckDigits.Ups),
            Carrier.FedEx when service == ServiceLevel.Ground =>
                WithCheck(FedExGroundBarcodePrefix + ids.FedExGroundShipperId + Digits(serial, 7), 7, CheckDigits.Gs1Mod10),
            Carrier.FedEx => WithCheck(Digits(serial, 11), 0, CheckDigits.FedExExpress),
            Carrier.USPS => WithCheck(
                (ids.UspsMailerId.Length == 9 ? "92" : "93") + UspsServiceTypeCode(service) + ids.UspsMailerId + Digits(serial, ids.UspsMailerId.Length == 9 ? 7 : 10),
                0,
                CheckDigits.Gs1Mod10),
            Carrier.DHL => Digits(serial, 9) + CheckDigits.Digit(CheckDigits.Mod7(serial)),
            Carrier.Courier => WithCheck(CourierPrefix + Digits(serial, 10), CourierPrefix.Length, CheckDigits.Gs1Mod10),
            _ => throw new ArgumentOutOfRangeException(nameof(carrier), carrier, null),
        };
    }

    /// <summary>
    /// True when <paramref name="number"/> is exactly in one of the carrier's formats above (no spaces, capitals only)
    /// with a valid check digit. FedEx takes 12 (Express), 15 (Ground) and 22 digits (Ground 96 barcode).
    /// </summary>
    public static bool IsValid(Carrier carrier, string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return false;
        }

        var n = number.AsSpan();
        return carrier switch
        {
            Carrier.UPS => n.Length == 18 && n.StartsWith("1Z") && CheckDigits.AllDigitsOrCapitals(n[2..10]) && CheckDigits.AllDigits(n[10..])
                && n[17] - '0' == CheckDigits.Ups(n[2..17]),
            Carrier.FedEx => CheckDigits.AllDigits(n) && n.Length switch
            {
                12 => n[11] - '0' == CheckDigits.FedExExpress(n[..11]),
                15 => IsFedExGround15(n),
                22 => n.StartsWith("96") && IsFedExGround15(n[7..]),
                _ => false,
            },
            Carrier.USPS => n.Length == 22 && CheckDigits.AllDigits(n) && n[0] == '9' && n[1] is >= '2' and <= '5'
                && n[21] - '0' == CheckDigits.Gs1Mod10(n[..21]),
            Carrier.DHL => n.Length == 10 && CheckDigits.AllDigits(n) && n[9] - '0' == CheckDigits.Mod7(long.Parse(n[..9], CultureInfo.InvariantCulture)),
            Carrier.Courier => n.Length == CourierPrefix.Length + 11 && n.StartsWith(CourierPrefix) && CheckDigits.AllDigits(n[CourierPrefix.Length..])
                && n[^1] - '0' == CheckDigits.Gs1Mod10(n[CourierPrefix.Length..^1]),
            _ => false,
        };
    }

    /// <summary>The number people read and type: FedEx Ground's 22-digit barcode gives its last 15 digits; others are unchanged.</summary>
    public static string DisplayForm(Carrier carrier, string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return carrier == Carrier.FedEx && number.Length == 22 ? number[7..] : number;
    }

    /// <summary>
    /// The display form in groups as printed on labels: UPS "1Z 4A7 Y96 A8 0012 3453"; Courier "OHC 1234 5678 905";
    /// digits in fours ("6123 4567 8902", "1234 5670 0000 428").
    /// </summary>
    public static string Spaced(Carrier carrier, string number)
    {
        var display = DisplayForm(carrier, number);
        if (carrier == Carrier.UPS && display.Length == 18)
        {
            return string.Join(' ', display[..2], display[2..5], display[5..8], display[8..10], display[10..14], display[14..]);
        }

        var prefix = carrier == Carrier.Courier && display.StartsWith(CourierPrefix, StringComparison.Ordinal) ? CourierPrefix : string.Empty;
        var sb = new StringBuilder(prefix);
        for (var i = prefix.Length; i < display.Length; i++)
        {
            if (sb.Length > 0 && (i - prefix.Length) % 4 == 0)
            {
                sb.Append(' ');
            }

            sb.Append(display[i]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The carrier's public tracking page for <paramref name="number"/>; the Courier's page is OrderHub's own, at
    /// <paramref name="courierTrackingPage"/> (null when none is configured: no link).
    /// </summary>
    public static Uri? TrackingUrl(Carrier carrier, string number, Uri? courierTrackingPage = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(number);
        var n = Uri.EscapeDataString(DisplayForm(carrier, number));
        return carrier switch
        {
            Carrier.UPS => new Uri($"https://www.ups.com/track?loc=en_US&tracknum={n}"),
            Carrier.FedEx => new Uri($"https://www.fedex.com/fedextrack/?trknbr={n}"),
            Carrier.USPS => new Uri($"https://tools.usps.com/go/TrackConfirmAction?tLabels={n}"),
            Carrier.DHL => new Uri($"https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id={n}"),
            Carrier.Courier => courierTrackingPage is null ? null : new Uri(courierTrackingPage, n),
            _ => throw new ArgumentOutOfRangeException(nameof(carrier), carrier, null),
        };
    }

    private static bool IsFedExGround15(ReadOnlySpan<char> n) => n.Length == 15 && n[14] - '0' == CheckDigits.Gs1Mod10(n[..14]);

    private static string Digits(long value, int width) => value.ToString(new string('0', width), CultureInfo.InvariantCulture);

    /// <summary>Appends the check digit computed over the data after the first <paramref name="skip"/> characters.</summary>
    private static string WithCheck(string data, int skip, CheckFunction check) => data + CheckDigits.Digit(check(data.AsSpan(skip)));

    private delegate int CheckFunction(ReadOnlySpan<char> data);
}
