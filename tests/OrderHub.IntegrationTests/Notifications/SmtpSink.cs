using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>A real SMTP server for tests: Debian's aiosmtpd writing every message it receives to a maildir.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;

    private SmtpSink(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    /// <summary>Null, with the reason, where aiosmtpd is not installed (.ci/run installs python3-aiosmtpd).</summary>
    public static async Task<(SmtpSink? Sink, string? Reason)> StartAsync()
    {
        if (!File.Exists(Python) || !await CanImportAsync())
        {
            return (null, "The SMTP sink needs Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd; .ci/run does).");
        }

        var port = FreePort();
        var maildir = Path.Combine(Path.GetTempPath(), $"orderhub-mail-{Guid.NewGuid():N}"); // must not exist yet
        var process = Process.Start(new ProcessStartInfo(Python, $"-m aiosmtpd -n -l 127.0.0.1:{port} -c aiosmtpd.handlers.Mailbox {maildir}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return (new SmtpSink(process, port, maildir), null);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill();
        return (null, "aiosmtpd did not start listening within 10 s.");
    }

    public IReadOnlyList<string> Messages() =>
        Directory.Exists(Path.Combine(Maildir, "new")) ? [.. Directory.GetFiles(Path.Combine(Maildir, "new")).Select(File.ReadAllText)] : [];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(Maildir))
        {
            Directory.Delete(Maildir, recursive: true);
        }
    }

    private static async Task<bool> CanImportAsync()
    {
        using var check = Process.Start(new ProcessStartInfo(Python, "-c \"import aiosmtpd\"") { RedirectStandardError = true })!;
        await check.WaitForExitAsync();
        return check.ExitCode == 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
