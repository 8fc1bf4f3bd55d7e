namespace OrderHub.Modules.Shipping.TrackingNumbers;

/// <summary>
/// The check-digit algorithms of carriers.md section 1 and 2. Each takes the data characters only (no check digit) and
/// returns the check digit's value; the callers have already checked the characters' kind (digits, or UPS's A-Z).
/// </summary>
internal static class CheckDigits
{
    /// <summary>
    /// GS1 mod 10 (SSCC, IMpb, FedEx Ground, Courier): the rightmost data digit x3, then x1, x3... leftward;
    /// check = (10 - sum mod 10) mod 10. Catches every single-digit error (3 and 1 are prime to 10).
    /// </summary>
    public static int Gs1Mod10(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var fromRight = digits.Length - 1 - i;
            sum += (digits[i] - '0') * (fromRight % 2 == 0 ? 3 : 1);
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>
    /// UPS 1Z (without the "1Z"): a letter counts (ASCII - 3) mod 10 (A-H 2-9, I-R 0-9, S-Z 0-7); odd positions x1, even x2;
    /// check = (10 - sum mod 10) mod 10. A change of 5 at an even position goes unseen (2 x 5 = 10).
    /// </summary>
    public static int Ups(ReadOnlySpan<char> characters)
    {
        var sum = 0;
        for (var i = 0; i < characters.Length; i++)
        {
            var ch = characters[i];
            var value = ch is >= '0' and <= '9' ? ch - '0' : (ch - 3) % 10;
            sum += value * (i % 2 == 0 ? 1 : 2);
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>
    /// FedEx Express: weights 1, 3, 7 repeating from the rightmost data digit; sum mod 11, a remainder of 10 becomes 0.
    /// Every single-digit error changes the remainder, so it is caught unless the remainders are 0 and 10 (both check 0).
    /// </summary>
    public static int FedExExpress(ReadOnlySpan<char> digits)
    {
        ReadOnlySpan<int> weights = [1, 3, 7];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var fromRight = digits.Length - 1 - i;
            sum += (digits[i] - '0') * weights[fromRight % 3];
        }

        return sum % 11 % 10;
    }

    /// <summary>DHL Express: the serial mod 7. A change of 7 in one data digit goes unseen.</summary>
    public static int Mod7(long serial) => (int)(serial % 7);

    public static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Digits and upper-case letters only.</summary>
    public static bool AllDigitsOrCapitals(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (ch is not (>= '0' and <= '9' or >= 'A' and <= 'Z'))
            {
                return false;
            }
        }

        return true;
    }

    public static char Digit(int value) => (char)('0' + value);
}
