using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ApprovalFlow.ScaleOut.Tests;

/// <summary>
/// One app server: the built <c>ApprovalFlow.Web.dll</c> beside the tests, run as a process of its own on a free loopback
/// port and configured by environment variables only. Its console log (single-line) is kept for the assertions; a kill
/// is a real SIGKILL of the process.
/// </summary>
public sealed class AppServer : IDisposable
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly List<string> _log = [];
    private Process? _process;
    private volatile bool _up;
    private string? _token;

    public AppServer(int index, IReadOnlyDictionary<string, string> settings)
    {
        Index = index;
        Port = FreePort();
        _settings = settings;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{Port}"),
            Timeout = TimeSpan.FromSeconds(100),
        };
    }

    public int Index { get; }
    public int Port { get; }
    public HttpClient Client { get; }
    public int Starts { get; private set; }

    /// <summary>Started, ready and signed in; false from the kill until it is ready again.</summary>
    public bool IsUp => _up;

    public string? Token => _token;

    public void Start()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ApprovalFlow.Web.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _settings) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        var run = ++Starts;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(run, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(run, e.Data);
        process.Start();
        Keep(run, $"started as process {process.Id}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    private void Keep(int run, string? line)
    {
        if (line is null) return;
        lock (_log) _log.Add($"[server {Index} run {run}] {line}");
    }

    public IReadOnlyList<string> Log()
    {
        lock (_log) return [.. _log];
    }

    /// <summary>Waits for <c>/health/ready</c> (database, migrations, this host's Hangfire server), then signs in.</summary>
    public async Task WaitReadyAsync(string email, string password, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Server {Index} (process {_process?.Id}) exited with {_process?.ExitCode} after {deadline.Elapsed.TotalSeconds:0.0} s, "
                    + $"before it was ready:\n{string.Join('\n', Log().TakeLast(60))}");
            }
            try
            {
                using var ready = await Client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException)
            {
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Server {Index} was not ready after {timeout}:\n{string.Join('\n', Log().TakeLast(60))}");
            }
            await Task.Delay(250);
        }

        using var login = await Client.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var body = await login.Content.ReadFromJsonAsync<JsonObject>();
        _token = (string?)body!["accessToken"] ?? throw new InvalidOperationException("No accessToken in the sign-in answer.");
        _up = true;
    }

    public HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return request;
    }

    /// <summary>SIGKILL: no shutdown hooks, no graceful Hangfire stop, requests in flight get no answer.</summary>
    public void Kill()
    {
        _up = false;
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
