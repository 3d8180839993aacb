using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ApprovalFlow.Web.Tests.Notifications;

/// <summary>
/// A tiny SMTP server on a loopback port, speaking just enough of RFC 5321 for System.Net.Mail: greeting, EHLO/HELO, MAIL,
/// RCPT, DATA, RSET, NOOP, QUIT. It can refuse the next <see cref="RefuseNextMail"/> MAIL commands with a transient 451.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<string> _messages = [];
    private int _refuse;

    public SmtpTestServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int RefuseNextMail
    {
        set => Interlocked.Exchange(ref _refuse, value);
    }

    /// <summary>The envelope recipient and the DATA of every message accepted.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages) return [.. _messages];
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        string? recipient = null;
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        if (Interlocked.Decrement(ref _refuse) >= 0) await writer.WriteLineAsync("451 4.3.0 Try again later");
                        else await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        recipient = line[(line.IndexOf(':') + 1)..].Trim().Trim('<', '>');
                        await writer.WriteLineAsync("250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".") data.AppendLine(dataLine);
                        lock (_messages) _messages.Add($"{recipient}\n{data}");
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
