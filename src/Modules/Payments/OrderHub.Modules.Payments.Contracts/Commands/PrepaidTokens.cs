namespace OrderHub.Modules.Payments.Contracts.Commands;

/// <summary>
/// Payment tokens for orders a marketplace already charged: <c>prepaid:&lt;marketplace&gt;:&lt;order id&gt;</c>.
/// Payments authorizes and captures them without a gateway call; only server-side marketplace imports may create them.
/// </summary>
public static class PrepaidTokens
{
    public const string Prefix = "prepaid:";

    public static string For(string marketplace, string orderId) => $"{Prefix}{marketplace}:{orderId}";

    public static bool IsPrepaid(string? tokenOrReference) => tokenOrReference?.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;
}
