namespace OrderHub.Modules.Orders.Domain.Orders;

/// <summary>The 50 states and DC by USPS code.</summary>
internal static class UsStates
{
    private static readonly HashSet<string> Codes =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
        "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
        "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
    ];

    public static bool IsKnown(string code) => Codes.Contains(code);
}
