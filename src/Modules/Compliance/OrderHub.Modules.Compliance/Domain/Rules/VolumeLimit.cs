using System.Globalization;

namespace OrderHub.Modules.Compliance.Domain.Rules;

internal enum LimitUnit
{
    Bottles,
    CasesOf9L,
    Litres,
    Gallons,
}

/// <summary>
/// How the period of a limit is read (all relative to the order date):
/// PerShipment = this order alone; Month = the calendar month; TwoMonths = rolling, the order date and the
/// two months before it (CT "any two-month period"); Year = the calendar year; Rolling12Months = the order date and
/// the twelve months before it; FiscalYearJulJun = 1 July to 30 June.
/// </summary>
internal enum LimitPeriod
{
    PerShipment,
    Month,
    TwoMonths,
    Year,
    Rolling12Months,
    FiscalYearJulJun,
}

/// <summary>Who is counted: Person = same email, or same normalised name and address; Address = same email, or anyone at the same address (household).</summary>
internal enum CountingBasis
{
    Person,
    Address,
}

/// <summary>One per-consumer volume limit, e.g. "12, cases-of-9L, year (household)". Kept as its canonical text in the rule.</summary>
internal sealed record VolumeLimit(decimal Amount, LimitUnit Unit, LimitPeriod Period, CountingBasis Basis)
{
    public const decimal MillilitresPerGallon = 3785.411784m;

    /// <summary>The limit in millilitres (exact: a case is 9 L, a bottle 750 ml, a gallon 3.785411784 L).</summary>
    public decimal Millilitres => Unit switch
    {
        LimitUnit.Bottles => Amount * 750m,
        LimitUnit.CasesOf9L => Amount * 9000m,
        LimitUnit.Litres => Amount * 1000m,
        LimitUnit.Gallons => Amount * MillilitresPerGallon,
        _ => throw new InvalidOperationException($"Unknown unit {Unit}."),
    };

    public decimal Litres => Millilitres / 1000m;

    public static string UnitText(LimitUnit unit) => unit switch
    {
        LimitUnit.Bottles => "bottles",
        LimitUnit.CasesOf9L => "cases-of-9L",
        LimitUnit.Litres => "litres",
        LimitUnit.Gallons => "gallons",
        _ => unit.ToString(),
    };

    public override string ToString()
    {
        var text = $"{Amount.ToString("0.####", CultureInfo.InvariantCulture)}, {UnitText(Unit)}, {PeriodText()}";
        var qualifiers = new List<string>();
        if (Basis == CountingBasis.Address)
        {
            qualifiers.Add("household");
        }

        if (Period == LimitPeriod.Rolling12Months)
        {
            qualifiers.Add("12-mo rolling");
        }
        else if (Period == LimitPeriod.FiscalYearJulJun)
        {
            qualifiers.Add("Jul-Jun FY");
        }

        return qualifiers.Count > 0 ? $"{text} ({string.Join(", ", qualifiers)})" : text;
    }

    private string PeriodText() => Period switch
    {
        LimitPeriod.PerShipment => "per-shipment",
        LimitPeriod.Month => "month",
        LimitPeriod.TwoMonths => "2-month",
        _ => "year",
    };

    /// <summary>The first and last order dates (inclusive) whose volume counts with an order placed on <paramref name="orderDate"/>.</summary>
    public (DateOnly From, DateOnly To) Window(DateOnly orderDate) => Period switch
    {
        LimitPeriod.PerShipment => (orderDate, orderDate),
        LimitPeriod.Month => (new DateOnly(orderDate.Year, orderDate.Month, 1), new DateOnly(orderDate.Year, orderDate.Month, 1).AddMonths(1).AddDays(-1)),
        LimitPeriod.TwoMonths => (orderDate.AddMonths(-2).AddDays(1), orderDate),
        LimitPeriod.Year => (new DateOnly(orderDate.Year, 1, 1), new DateOnly(orderDate.Year, 12, 31)),
        LimitPeriod.Rolling12Months => (orderDate.AddMonths(-12).AddDays(1), orderDate),
        LimitPeriod.FiscalYearJulJun => orderDate.Month >= 7
            ? (new DateOnly(orderDate.Year, 7, 1), new DateOnly(orderDate.Year + 1, 6, 30))
            : (new DateOnly(orderDate.Year - 1, 7, 1), new DateOnly(orderDate.Year, 6, 30)),
        _ => throw new InvalidOperationException($"Unknown period {Period}."),
    };

    /// <summary>Parses the table's limit cell: "none", "n/a", or "amount, unit, period (qualifiers)" joined by ";".</summary>
    public static IReadOnlyList<VolumeLimit> ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() is "none" or "n/a" or "-")
        {
            return [];
        }

        return [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse)];
    }

    public static string FormatList(IEnumerable<VolumeLimit> limits)
    {
        var parts = limits.Select(l => l.ToString()).ToList();
        return parts.Count == 0 ? "none" : string.Join("; ", parts);
    }

    public static VolumeLimit Parse(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var qualifiers = string.Empty;
        var open = segment.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            qualifiers = segment[(open + 1)..].TrimEnd(')', ' ').ToLowerInvariant();
            segment = segment[..open];
        }

        var parts = segment.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            throw new FormatException($"A limit reads 'amount, unit, period', not '{segment}'.");
        }

        var unit = parts[1].ToLowerInvariant() switch
        {
            "bottles" or "bottle" => LimitUnit.Bottles,
            "cases-of-9l" or "cases" => LimitUnit.CasesOf9L,
            "litres" or "liters" or "l" => LimitUnit.Litres,
            "gallons" or "gal" => LimitUnit.Gallons,
            _ => throw new FormatException($"Unknown limit unit '{parts[1]}' (bottles, cases-of-9L, litres, gallons)."),
        };
        var period = parts[2].ToLowerInvariant() switch
        {
            "per-shipment" or "shipment" => LimitPeriod.PerShipment,
            "month" => LimitPeriod.Month,
            "2-month" or "2-months" => LimitPeriod.TwoMonths,
            "year" when qualifiers.Contains("rolling", StringComparison.Ordinal) => LimitPeriod.Rolling12Months,
            "year" when qualifiers.Contains("fy", StringComparison.Ordinal) => LimitPeriod.FiscalYearJulJun,
            "year" => LimitPeriod.Year,
            "rolling-12-months" => LimitPeriod.Rolling12Months,
            "fiscal-year" => LimitPeriod.FiscalYearJulJun,
            _ => throw new FormatException($"Unknown limit period '{parts[2]}' (per-shipment, month, 2-month, year)."),
        };
        var basis = qualifiers.Contains("household", StringComparison.Ordinal) || qualifiers.Contains("address", StringComparison.Ordinal)
            ? CountingBasis.Address
            : CountingBasis.Person;
        return new VolumeLimit(amount, unit, period, basis);
    }
}
