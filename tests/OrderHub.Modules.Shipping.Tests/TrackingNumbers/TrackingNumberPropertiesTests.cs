using FsCheck;
using FsCheck.Xunit;
using OrderHub.Modules.Shipping.Carriers;
using OrderHub.Modules.Shipping.TrackingNumbers;
using Shouldly;

namespace OrderHub.Modules.Shipping.Tests.TrackingNumbers;

/// <summary>
/// For random serials across each carrier's whole range: the number validates, distinct serials give distinct numbers,
/// and a change of one digit is refused wherever the carrier's algorithm guarantees it (the rules below are the
/// algorithms' known blind spots, written from carriers.md, not read from the code under test).
/// </summary>
public sealed class TrackingNumberPropertiesTests
{
    private static readonly ShipperIds Ids = new("4A7Y96", "1234567", "912345678", "0614141");

    public static TheoryData<string, string, bool> Formats() => new()
    {
        { "UPS", "Ground", false },
        { "UPS", "Ground", true },
        { "UPS", "Overnight", false },
        { "FedEx", "Ground", false },
        { "FedEx", "TwoDay", false },
        { "USPS", "Ground", false },
        { "USPS", "Overnight", false },
        { "DHL", "Overnight", false },
        { "Courier", "Ground", false },
    };

    private static readonly (Carrier Carrier, ServiceLevel Service, bool Adult)[] AllFormats =
        Formats().Select(row => (Enum.Parse<Carrier>(row.Data.Item1), Enum.Parse<ServiceLevel>(row.Data.Item2), row.Data.Item3)).ToArray();

    private static long SerialIn((Carrier Carrier, ServiceLevel Service, bool Adult) format, ulong random, ShipperIds ids) =>
        (long)(random % (ulong)(TrackingNumberFormat.MaxSerial(format.Carrier, format.Service, ids) + 1));

    [Property(MaxTest = 300)]
    public void Every_number_validates(DoNotSize<ulong> random, PositiveInt pick, bool sixDigitMailerId)
    {
        var ids = sixDigitMailerId ? Ids with { UspsMailerId = "123456" } : Ids;
        var format = AllFormats[pick.Item % AllFormats.Length];
        var number = TrackingNumberFormat.Create(format.Carrier, format.Service, format.Adult, SerialIn(format, random.Item, ids), ids);

        TrackingNumberFormat.IsValid(format.Carrier, number).ShouldBeTrue(number);
    }

    [Property(MaxTest = 300)]
    public void Distinct_serials_give_distinct_numbers(DoNotSize<ulong> a, DoNotSize<ulong> b, PositiveInt pick)
    {
        var format = AllFormats[pick.Item % AllFormats.Length];
        var first = SerialIn(format, a.Item, Ids);
        var second = SerialIn(format, b.Item, Ids);
        var same = TrackingNumberFormat.Create(format.Carrier, format.Service, format.Adult, first, Ids)
            == TrackingNumberFormat.Create(format.Carrier, format.Service, format.Adult, second, Ids);

        same.ShouldBe(first == second);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Ten_thousand_consecutive_serials_give_ten_thousand_numbers(string carrier, string service, bool adult)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var serial = 0L; serial < 10_000; serial++)
        {
            numbers.Add(TrackingNumberFormat.Create(Enum.Parse<Carrier>(carrier), Enum.Parse<ServiceLevel>(service), adult, serial, Ids));
        }

        numbers.Count.ShouldBe(10_000);
    }

    [Property(MaxTest = 1000)]
    public void Changing_one_digit_is_refused_where_the_algorithm_guarantees_it(DoNotSize<ulong> random, PositiveInt pick, PositiveInt where, PositiveInt by)
    {
        var format = AllFormats[pick.Item % AllFormats.Length];
        var number = TrackingNumberFormat.Create(format.Carrier, format.Service, format.Adult, SerialIn(format, random.Item, Ids), Ids);
        var position = where.Item % number.Length;
        if (!char.IsAsciiDigit(number[position]))
        {
            return; // letters (1Z's Z, an account letter, OHC) are not digits to change
        }

        var old = number[position] - '0';
        var digit = (old + 1 + (by.Item % 9)) % 10; // any other digit
        var changed = string.Concat(number.AsSpan(0, position), digit.ToString(System.Globalization.CultureInfo.InvariantCulture), number.AsSpan(position + 1));

        if (Guaranteed(format.Carrier, number, position, Math.Abs(digit - old)))
        {
            TrackingNumberFormat.IsValid(format.Carrier, changed).ShouldBeFalse($"{number} -> {changed}");
        }
    }

    [Fact]
    public void The_blind_spots_are_real_so_the_guarantee_rule_is_needed()
    {
        // UPS: +5 at an even position (x2) is unseen: the 2nd data char of 1Z4A7Y96A800123453 is 'A' (2); the 4th is 'Y'.
        // Change the package reference's 2nd digit (data position 10, x2) from 0 to 5.
        TrackingNumberFormat.IsValid(Carrier.UPS, "1Z4A7Y96A805123453").ShouldBeTrue();

        // DHL: +7 in a data digit keeps serial mod 7: 123456789 -> 123456786 + ... 1 -> 8 at the front is +700000000.
        TrackingNumberFormat.IsValid(Carrier.DHL, "8234567891").ShouldBeTrue();
    }

    /// <summary>Whether the format is sure to catch changing the digit at <paramref name="position"/> by <paramref name="delta"/>.</summary>
    private static bool Guaranteed(Carrier carrier, string number, int position, int delta)
    {
        var isCheckDigit = position == number.Length - 1;
        return carrier switch
        {
            // Data chars after "1Z": odd positions x1, even x2 (2 x 5 = 10 is unseen). Position 0 is the fixed "1".
            Carrier.UPS => position < 2 || isCheckDigit || (position - 2) % 2 == 0 || delta != 5,

            // 22-digit Ground: "96" is fixed and the last 15 carry the GS1 check; SCNC and service code are not covered.
            Carrier.FedEx when number.Length == 22 => position is < 2 or >= 7,

            // Express mod 11: remainders 0 and 10 both give check 0, so only a non-zero check makes every change visible.
            Carrier.FedEx => isCheckDigit || number[^1] != '0',

            // serial mod 7: a change of 7 in a data digit is unseen.
            Carrier.DHL => isCheckDigit || delta != 7,

            // GS1 mod 10 (IMpb, Courier): every single-digit change.
            _ => true,
        };
    }
}
