namespace OrderHub.Modules.Orders.Features.MarketplaceOrders;

/// <summary><c>OrderHub:Commerce7</c>: the pull is enabled only when AppId, AppSecret and Tenant are all set.</summary>
internal sealed class Commerce7Options
{
    public const string SectionName = "OrderHub:Commerce7";

    public string BaseUrl { get; set; } = "https://api.commerce7.com/v1";

    public string? AppId { get; set; }

    public string? AppSecret { get; set; }

    public string? Tenant { get; set; }

    /// <summary>Cron of the recurring pull (Hangfire); default every 5 minutes.</summary>
    public string Schedule { get; set; } = "*/5 * * * *";

    /// <summary>At most this many pages per run, so one run cannot go on forever.</summary>
    public int MaxPagesPerRun { get; set; } = 50;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret) && !string.IsNullOrWhiteSpace(Tenant);
}
