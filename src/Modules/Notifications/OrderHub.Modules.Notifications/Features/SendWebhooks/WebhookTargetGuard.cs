using System.Net;
using System.Net.Sockets;

namespace OrderHub.Modules.Notifications.Features.SendWebhooks;

/// <summary>
/// The server-side request forgery guard: a webhook may not reach into the host's own network (loopback, private ranges,
/// link-local with the cloud metadata address 169.254.169.254, CGNAT, unique-local IPv6, unspecified, multicast),
/// whether named by address or by a DNS name that resolves there. Checked when subscribing, and again on every
/// connection (<see cref="ConnectAsync"/>), since a name can be re-pointed after it was checked.
/// </summary>
internal static class WebhookTargetGuard
{
    /// <summary>Why the URL is refused, or null when it may be used.</summary>
    public static async Task<string?> CheckAsync(string? url, bool allowPrivate, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return "Must be an absolute https URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !allowPrivate)
        {
            return "Must be an https URL (http is allowed only where OrderHub:Webhooks:AllowPrivateTargets is true).";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Must not carry a user name or password.";
        }

        if (allowPrivate)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host {uri.Host} does not resolve.";
        }

        return addresses.Length == 0
            ? $"The host {uri.Host} does not resolve."
            : addresses.FirstOrDefault(IsForbidden) is { } bad
                ? $"The host {uri.Host} is a private or loopback address ({bad}); such targets are refused unless OrderHub:Webhooks:AllowPrivateTargets is true."
                : null;
    }

    public static bool IsForbidden(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127, // CGNAT 100.64/10
                169 => b[1] == 254, // link-local, cloud metadata
                172 => b[1] is >= 16 and <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2), // 192.168/16, IETF 192.0.0/24, TEST-NET-1
                198 => b[1] is 18 or 19, // benchmarking 198.18/15
                >= 224 => true, // multicast and reserved
                _ => false,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC // unique-local fc00::/7
                || (b[0] == 0x20 && b[1] == 0x02 && IsForbidden(new IPAddress(b[2..6]))) // 6to4 wrapping a private IPv4
                || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && IsForbidden(new IPAddress(b[12..16]))); // NAT64
        }

        return true;
    }

    /// <summary>
    /// The webhook client's connect step: resolves the host, refuses a forbidden address (unless private targets are
    /// allowed) and connects to the first allowed one, so the address checked is the address used.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        var allowed = allowPrivate ? addresses : [.. addresses.Where(a => !IsForbidden(a))];
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"Refused: {endPoint.Host} resolves to a private or loopback address ({string.Join(", ", addresses.Select(a => a.ToString()))}).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
