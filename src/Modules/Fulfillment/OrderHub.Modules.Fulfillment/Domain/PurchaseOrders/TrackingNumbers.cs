namespace OrderHub.Modules.Fulfillment.Domain.PurchaseOrders;

/// <summary>A tracking number as checked: the carrier's canonical name, the number without spaces, and why it is refused (null when it is not).</summary>
internal sealed record TrackingNumberCheck(string Carrier, string TrackingNumber, string? Problem)
{
    public bool IsValid => Problem is null;
}

/// <summary>
/// Checks a reported tracking number against its carrier's format and check digit (carriers.md §1): UPS 1Z (18 chars),
/// FedEx Express (12 digits, or the 34-digit barcode ending in one), FedEx Ground (15 digits, or the 22-digit 96 barcode),
/// USPS IMpb (22 digits, optionally after 420+ZIP), DHL Express (10 or 11 digits, mod 7). Any other carrier is taken as
/// given (a courier's reference has no public format). Pure: no I/O.
/// </summary>
internal static class TrackingNumbers
{
    private static readonly Dictionary<string, string> KnownCarriers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UPS"] = "UPS",
        ["FedEx"] = "FedEx",
        ["USPS"] = "USPS",
        ["DHL"] = "DHL",
    };

    public static TrackingNumberCheck Check(string carrier, string trackingNumber)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        ArgumentNullException.ThrowIfNull(trackingNumber);
        var number = string.Concat(trackingNumber.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (!KnownCarriers.TryGetValue(carrier.Trim(), out var name))
        {
            return new TrackingNumberCheck(carrier.Trim(), number, number.Length == 0 ? "The tracking number is empty." : null);
        }

        var valid = name switch
        {
            "UPS" => IsUps(number),
            "FedEx" => IsFedEx(number),
            "USPS" => IsUsps(number),
            _ => IsDhl(number),
        };
        return new TrackingNumberCheck(name, number, valid ? null : $"'{trackingNumber}' is not a valid {name} tracking number (format or check digit).");
    }

    /// <summary>1Z + 15 characters + check: letters count (ASCII-3) mod 10, odd positions x1, even x2.</summary>
    public static bool IsUps(string number)
    {
        if (number.Length != 18 || !number.StartsWith("1Z", StringComparison.Ordinal) || !number.Skip(2).All(char.IsAsciiLetterOrDigit) || !char.IsAsciiDigit(number[^1]))
        {
            return false;
        }

        var sum = 0;
        for (var i = 2; i < 17; i++)
        {
            var c = number[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : (c - 3) % 10;
            sum += (i - 2) % 2 == 0 ? value : value * 2;
        }

        return (10 - (sum % 10)) % 10 == number[^1] - '0';
    }

    public static bool IsFedEx(string number) => number.All(char.IsAsciiDigit) && number.Length switch
    {
        12 => IsFedExExpress(number),
        15 => IsGs1(number),
        22 => number.StartsWith("96", StringComparison.Ordinal) && IsGs1(number[7..]),
        34 => IsFedExExpress(number[22..]),
        _ => false,
    };

    /// <summary>22-digit PIC (92/93/94/95 channel) with a GS1 mod-10 check over 21 digits; a leading 420+ZIP5 or 420+ZIP9 is dropped first.</summary>
    public static bool IsUsps(string number)
    {
        if (!number.All(char.IsAsciiDigit))
        {
            return false;
        }

        var pic = number.Length switch
        {
            30 when number.StartsWith("420", StringComparison.Ordinal) => number[8..],
            34 when number.StartsWith("420", StringComparison.Ordinal) => number[12..],
            _ => number,
        };
        return pic.Length == 22 && pic[0] == '9' && pic[1] is >= '2' and <= '5' && IsGs1(pic);
    }

    /// <summary>10 digits (some 11): the check digit is the serial mod 7.</summary>
    public static bool IsDhl(string number) =>
        number.Length is 10 or 11 && number.All(char.IsAsciiDigit) && long.Parse(number[..^1], System.Globalization.CultureInfo.InvariantCulture) % 7 == number[^1] - '0';

    /// <summary>FedEx Express: weights 1, 3, 7 from the rightmost data digit, sum mod 11, 10 counts as 0.</summary>
    private static bool IsFedExExpress(string number)
    {
        int[] weights = [1, 3, 7];
        var sum = 0;
        for (var i = 0; i < number.Length - 1; i++)
        {
            sum += (number[number.Length - 2 - i] - '0') * weights[i % 3];
        }

        return sum % 11 % 10 == number[^1] - '0';
    }

    /// <summary>GS1 mod 10: the rightmost data digit x3, then x1, x3… leftward; check = (10 - sum mod 10) mod 10.</summary>
    private static bool IsGs1(string number)
    {
        var sum = 0;
        for (var i = 0; i < number.Length - 1; i++)
        {
            sum += (number[number.Length - 2 - i] - '0') * (i % 2 == 0 ? 3 : 1);
        }

        return (10 - (sum % 10)) % 10 == number[^1] - '0';
    }
}
