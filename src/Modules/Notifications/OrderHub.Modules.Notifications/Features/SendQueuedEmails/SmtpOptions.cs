namespace OrderHub.Modules.Notifications.Features.SendQueuedEmails;

/// <summary>Bound from <c>OrderHub:Smtp</c>. Off by default: emails then wait, queued, until a server is configured.</summary>
internal sealed class SmtpOptions
{
    public const string SectionName = "OrderHub:Smtp";

    public bool Enabled { get; set; }

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public bool UseTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "OrderHub <orders@orderhub.local>";

    public int MaxAttempts { get; set; } = 5;
}
