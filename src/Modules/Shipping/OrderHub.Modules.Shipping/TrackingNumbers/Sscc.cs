namespace OrderHub.Modules.Shipping.TrackingNumbers;

/// <summary>
/// GS1 SSCC-18, application identifier (00), for cartons and pallets (carriers.md section 2): extension digit (0-9) +
/// GS1 company prefix (7-10 digits) + serial reference filling to 17 digits + GS1 mod-10 check digit.
/// Example: extension 0, prefix 0614141, serial 123456789 -> <c>006141411234567890</c>, printed <c>(00)006141411234567890</c>.
/// </summary>
internal static class Sscc
{
    public const int Length = 18;

    /// <summary>The largest serial reference that fits after a prefix of <paramref name="prefixLength"/> digits.</summary>
    public static long MaxSerial(int prefixLength) => (long)Math.Pow(10, 16 - prefixLength) - 1;

    /// <summary>The 18 data digits (without "(00)").</summary>
    public static string Create(int extensionDigit, string companyPrefix, long serialReference)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extensionDigit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(extensionDigit, 9);
        ArgumentNullException.ThrowIfNull(companyPrefix);
        if (companyPrefix.Length is < 7 or > 10 || !CheckDigits.AllDigits(companyPrefix))
        {
            throw new ArgumentException("A GS1 company prefix is 7 to 10 digits.", nameof(companyPrefix));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(serialReference);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serialReference, MaxSerial(companyPrefix.Length));
        Span<char> data = stackalloc char[Length];
        data[0] = CheckDigits.Digit(extensionDigit);
        companyPrefix.AsSpan().CopyTo(data[1..]);
        var serialDigits = 16 - companyPrefix.Length;
        serialReference.TryFormat(data.Slice(1 + companyPrefix.Length, serialDigits), out _, new string('0', serialDigits), System.Globalization.CultureInfo.InvariantCulture);
        data[17] = CheckDigits.Digit(CheckDigits.Gs1Mod10(data[..17]));
        return new string(data);
    }

    /// <summary>True for 18 digits with a valid check digit; "(00)" in front is accepted.</summary>
    public static bool IsValid(string? sscc)
    {
        if (sscc is null)
        {
            return false;
        }

        var data = sscc.StartsWith("(00)", StringComparison.Ordinal) ? sscc.AsSpan(4) : sscc.AsSpan();
        return data.Length == Length && CheckDigits.AllDigits(data) && data[17] - '0' == CheckDigits.Gs1Mod10(data[..17]);
    }

    /// <summary>The human-readable form under a GS1-128 barcode: "(00)" + the 18 digits.</summary>
    public static string HumanReadable(string sscc) => "(00)" + sscc;

    /// <summary>The ZPL field for a GS1-128 barcode of the SSCC: Start C, FNC1, AI 00, the 18 digits (carriers.md section 4).</summary>
    public static string ZplFieldData(string sscc) => ">;>800" + sscc;
}
