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

    /// <summary>
    /// A Python handler for a mail server in trouble: while the file <c>reject-flag</c> exists in its folder it answers
    /// every recipient with a permanent 550, as a real server does for an unknown mailbox; otherwise it keeps mail.
    /// </summary>
    private const string PickyHandler = """
        import os
        from aiosmtpd.handlers import Mailbox

        class Picky(Mailbox):
            def __init__(self, maildir, flag):
                super().__init__(maildir)
                self.flag = flag

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(args[0], args[1])

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if os.path.exists(self.flag):
                    return '550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable' % address
                envelope.rcpt_tos.append(address)
                return '250 OK'
        """;

    /// <summary>While this file exists the sink refuses every recipient (550); null for a sink that keeps all mail.</summary>
    public string? RejectFlag { get; private init; }

    /// <summary>A sink whose answers the test switches: <see cref="Reject"/> makes it refuse recipients with a 550.</summary>
    public static async Task<(SmtpSink? Sink, string? Reason)> StartPickyAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"orderhub-picky-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "picky.py"), PickyHandler);
        var flag = Path.Combine(folder, "reject-flag");
        var (sink, reason) = await StartAsync($"-c picky.Picky {{0}} {flag}", folder);
        return sink is null ? (null, reason) : (new SmtpSink(sink._process, sink.Port, sink.Maildir) { RejectFlag = flag }, null);
    }

    /// <summary>Makes a picky sink refuse (true) or accept (false) recipients from now on.</summary>
    public void Reject(bool refuse)
    {
        var flag = RejectFlag ?? throw new InvalidOperationException("Only a sink started with StartPickyAsync can refuse mail.");
        if (refuse)
        {
            File.WriteAllText(flag, "550");
        }
        else
        {
            File.Delete(flag);
        }
    }

    /// <summary>Null, with the reason, where aiosmtpd is not installed (.ci/run installs python3-aiosmtpd).</summary>
    public static Task<(SmtpSink? Sink, string? Reason)> StartAsync() => StartAsync("-c aiosmtpd.handlers.Mailbox {0}", null);

    private static async Task<(SmtpSink? Sink, string? Reason)> StartAsync(string handler, string? pythonPath)
    {
        if (!File.Exists(Python) || !await CanImportAsync())
        {
            return (null, "The SMTP sink needs Debian's python3-aiosmtpd (apt-get install python3-aiosmtpd; .ci/run does).");
        }

        var port = FreePort();
        var maildir = Path.Combine(Path.GetTempPath(), $"orderhub-mail-{Guid.NewGuid():N}"); // must not exist yet
        var start = new ProcessStartInfo(Python, $"-m aiosmtpd -n -l 127.0.0.1:{port} " + string.Format(System.Globalization.CultureInfo.InvariantCulture, handler, maildir))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (pythonPath is not null)
        {
            start.Environment["PYTHONPATH"] = pythonPath;
        }

        var process = Process.Start(start)!;
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
