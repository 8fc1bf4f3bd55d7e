using System.Globalization;

namespace OrderHub.Modules.Fulfillment.Picking.Waves;

/// <summary>
/// A bin code read as aisle-bay-level (<c>A-01-2</c>, <c>B-12-3</c>, <c>AA-3-1</c>, <c>12-04-2</c>: an aisle of 1-4 letters or
/// 1-3 digits, bay and level of 1-4 digits, any case), ordered the way a
/// picker walks: aisle, then bay numerically, then level. Letter aisles go by length then letters (Z before AA, as
/// warehouses label past Z), numeric aisles numerically and before letter aisles. Codes that do not parse
/// (<c>BACK</c>, <c>FLOOR</c>) walk last, by code, so a wave never fails on an odd bin name.
/// </summary>
internal readonly record struct BinAddress : IComparable<BinAddress>
{
    private BinAddress(string code, string? aisle, int bay, int level)
    {
        Code = code;
        Aisle = aisle;
        Bay = bay;
        Level = level;
    }

    public string Code { get; }

    /// <summary>The aisle in upper case, or null when the code does not parse.</summary>
    public string? Aisle { get; }

    public int Bay { get; }

    public int Level { get; }

    public bool IsParsed => Aisle is not null;

    /// <summary>Reads a bin code; never fails (an unparsed code keeps its text and walks last).</summary>
    public static BinAddress Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var parts = code.Trim().Split('-');
        if (parts.Length == 3
            && IsAisle(parts[0])
            && TryNumber(parts[1], out var bay)
            && TryNumber(parts[2], out var level))
        {
            return new BinAddress(code, parts[0].ToUpperInvariant(), bay, level);
        }

        return new BinAddress(code, null, 0, 0);
    }

    public int CompareTo(BinAddress other)
    {
        if (IsParsed != other.IsParsed)
        {
            return IsParsed ? -1 : 1;
        }

        if (!IsParsed)
        {
            return string.CompareOrdinal(Code, other.Code);
        }

        var byAisle = CompareAisles(Aisle!, other.Aisle!);
        if (byAisle != 0)
        {
            return byAisle;
        }

        var byBay = Bay.CompareTo(other.Bay);
        if (byBay != 0)
        {
            return byBay;
        }

        var byLevel = Level.CompareTo(other.Level);
        return byLevel != 0 ? byLevel : string.CompareOrdinal(Code, other.Code);
    }

    public static bool operator <(BinAddress left, BinAddress right) => left.CompareTo(right) < 0;

    public static bool operator >(BinAddress left, BinAddress right) => left.CompareTo(right) > 0;

    public static bool operator <=(BinAddress left, BinAddress right) => left.CompareTo(right) <= 0;

    public static bool operator >=(BinAddress left, BinAddress right) => left.CompareTo(right) >= 0;

    public override string ToString() => Code;

    private static int CompareAisles(string a, string b)
    {
        var aNumeric = char.IsAsciiDigit(a[0]);
        var bNumeric = char.IsAsciiDigit(b[0]);
        if (aNumeric != bNumeric)
        {
            return aNumeric ? -1 : 1;
        }

        if (aNumeric)
        {
            return int.Parse(a, CultureInfo.InvariantCulture).CompareTo(int.Parse(b, CultureInfo.InvariantCulture));
        }

        var byLength = a.Length.CompareTo(b.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(a, b);
    }

    private static bool IsAisle(string part) =>
        part.Length is > 0 and <= 4 && (part.All(char.IsAsciiLetter) || (part.Length <= 3 && part.All(char.IsAsciiDigit)));

    private static bool TryNumber(string part, out int value)
    {
        value = 0;
        return part.Length is > 0 and <= 4 && part.All(char.IsAsciiDigit)
            && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
