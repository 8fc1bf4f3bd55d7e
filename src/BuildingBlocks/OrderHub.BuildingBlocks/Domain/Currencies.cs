using System.Collections.Frozen;

namespace OrderHub.BuildingBlocks.Domain;

/// <summary>
/// The active ISO 4217 currency codes (list one, as published up to 2026), without the codes that are not money one
/// can price in: test and "no currency" codes (XTS, XXX), precious metals (XAU, XAG, XPT, XPD), SDR and other units of
/// account (XDR, XSU, XUA, XBA–XBD) and fund codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW). Withdrawn codes
/// (HRK, CUC, SLL, ZWL, ANG, BGN) are refused too.
/// </summary>
public static class Currencies
{
    private static readonly FrozenSet<string> Active = new[]
    {
        "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BHD", "BIF", "BMD", "BND",
        "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE",
        "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD",
        "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY",
        "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD",
        "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO",
        "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF",
        "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
        "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED", "VES", "VND",
        "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The currency OrderHub's own charges (shipping, US tax) are in.</summary>
    public const string Usd = "USD";

    /// <summary>True for an active ISO 4217 currency code in upper case (e.g. USD, EUR); false for XXX, XTS, usd, "".</summary>
    public static bool IsActive(string? code) => code is not null && Active.Contains(code);
}
