using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Identity;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// The five-branch approval through the REST API of a running app on the embedded default (SQLite): started in this
/// process on Kestrel (or an app at --url). The branches belong to five departments; each department's demo officer
/// logs in (bearer) and completes its tasks. C clients complete tasks for S seconds; a client that finds no open task
/// starts a new case (as the administrator). Latency percentiles are of the task completions.
/// </summary>
public static class HttpScenario
{
    public const string Key = "parallel_approval_http";

    /// <summary>The departments of the demo officers, one per branch.</summary>
    public static readonly IReadOnlyList<string> Departments =
        ["natural-resources", "housing-construction", "ecology-environment", "emergency-management", "administrative-approval"];

    public sealed record Settings(int Clients, int Seconds, int WarmupSeconds, int SeedCases, string? Url, bool Hangfire, bool SqliteWriteQueue = false);

    public sealed record Result(long Requests, long Completions, long Errors, TimeSpan Elapsed, LatencyRecorder Complete, LatencyRecorder Start, string? FirstError)
    {
        public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

        public string KeyValues() => string.Create(CultureInfo.InvariantCulture,
            $"requests_per_s={RequestsPerSecond:F1} p50_ms={Complete.Percentile(50):F2} p99_ms={Complete.Percentile(99):F2} errors={Errors}");
    }

    public static Settings Read(Options o)
    {
        var clients = o.Int("clients", 32, min: 1);
        return new Settings(clients, o.Int("seconds", 30, min: 1), o.Int("warmup-seconds", 3), o.Int("seed-cases", clients * 8),
            o.String("url"), o.Choice("hangfire", "on", "on", "off") == "on", o.Choice("sqlite-write-queue", "off", "on", "off") == "on");
    }

    public static async Task<int> RunAsync(Options options)
    {
        var settings = Read(options);
        options.RejectUnknown();
        var result = await MeasureAsync(settings, Console.Out);
        Console.WriteLine(result.KeyValues());
        return result.Errors == 0 ? 0 : 1;
    }

    public static async Task<Result> MeasureAsync(Settings s, TextWriter o)
    {
        await using var app = s.Url is null
            ? new BenchWebApp(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite", ["Hangfire:Enabled"] = s.Hangfire ? "true" : "false",
                ["Database:SqliteWriteQueue"] = s.SqliteWriteQueue ? "true" : "false",
            })
            : null;
        var baseAddress = app?.Start() ?? new Uri(s.Url!);
        o.WriteLine($"== http: {(app is null ? $"app at {baseAddress}" : $"the web app in process on Kestrel {baseAddress}, embedded default (SQLite in {app.DataFolder}), Hangfire {(s.Hangfire ? "on" : "off")}, SQLite write queue {(s.SqliteWriteQueue ? "on" : "off")}")}");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(64, s.Clients * 2), PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var admin = await LoginAsync(http, DemoAccount.All.Single(a => a.Role == AppRoles.Administrator).Email);
        var officers = new Dictionary<string, string>();
        foreach (var department in Departments)
            officers[department] = await LoginAsync(http, DemoAccount.OfficerOf(department).Email);

        using (var deploy = new HttpRequestMessage(HttpMethod.Post, "/api/definitions")
               {
                   Content = new StringContent(ParallelApprovalModel.Xml(Departments, Key), Encoding.UTF8, "application/xml"),
               })
        {
            deploy.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var deployed = await http.SendAsync(deploy);
            await EnsureAsync(deployed, "deploy");
        }

        var open = new ConcurrentQueue<(Guid Task, string Department)>();
        var caseNo = 0;
        async Task<int> StartCaseAsync()
        {
            var n = Interlocked.Increment(ref caseNo);
            using var start = new HttpRequestMessage(HttpMethod.Post, "/api/instances")
            {
                Content = JsonContent.Create(new { definitionKey = Key, businessKey = $"http-{n}", variables = new JsonObject { ["caseNo"] = n } }),
            };
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var started = await http.SendAsync(start);
            await EnsureAsync(started, "start");
            var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            using var list = new HttpRequestMessage(HttpMethod.Get, $"/api/tasks?instanceId={id}");
            list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var listed = await http.SendAsync(list);
            await EnsureAsync(listed, "list tasks");
            var tasks = (await listed.Content.ReadFromJsonAsync<JsonArray>())!;
            foreach (var task in tasks)
            {
                var groups = task!["candidateGroups"]!.AsArray().Select(g => g!.GetValue<string>()).ToList();
                open.Enqueue((task["id"]!.GetValue<Guid>(), groups.Single()));
            }
            return tasks.Count;
        }

        // Seed: enough open tasks that clients seldom have to start a case themselves.
        var seedWatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, s.SeedCases), new ParallelOptions { MaxDegreeOfParallelism = Math.Min(8, s.Clients) },
            async (_, _) => await StartCaseAsync());
        o.WriteLine($"  seeded {s.SeedCases} cases ({open.Count} open tasks) in {seedWatch.Elapsed.TotalSeconds:F1} s");

        var measuring = false;
        long requests = 0, completions = 0, errors = 0;
        string? firstError = null;
        var completeLatency = Enumerable.Range(0, s.Clients).Select(_ => new LatencyRecorder()).ToArray();
        var startLatency = Enumerable.Range(0, s.Clients).Select(_ => new LatencyRecorder()).ToArray();
        using var stop = new CancellationTokenSource();

        async Task Client(int c)
        {
            await Task.Yield();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (!open.TryDequeue(out var item))
                    {
                        var t0 = Stopwatch.GetTimestamp();
                        await StartCaseAsync();
                        if (Volatile.Read(ref measuring))
                        {
                            startLatency[c].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                            Interlocked.Add(ref requests, 2);
                        }
                        continue;
                    }
                    using var complete = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{item.Task}/complete")
                    {
                        Content = JsonContent.Create(new { variables = new JsonObject { ["decision"] = "approved" } }),
                    };
                    complete.Headers.Authorization = new AuthenticationHeaderValue("Bearer", officers[item.Department]);
                    var c0 = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(complete);
                    var ms = Stopwatch.GetElapsedTime(c0).TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"complete {item.Task}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}", null);
                    }
                    if (Volatile.Read(ref measuring))
                    {
                        completeLatency[c].Add(ms);
                        Interlocked.Increment(ref requests);
                        Interlocked.Increment(ref completions);
                    }
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{ex.GetType().Name}: {ex.Message}", null);
                }
            }
        }

        var clients = Enumerable.Range(0, s.Clients).Select(c => Task.Run(() => Client(c))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(s.WarmupSeconds));
        Interlocked.Exchange(ref errors, 0); // warm-up errors count too: keep them visible
        var meter = Meter.Start();
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(s.Seconds));
        Volatile.Write(ref measuring, false);
        var (wall, cpu) = meter.Stop();
        stop.Cancel();
        try
        {
            await Task.WhenAll(clients);
        }
        catch (OperationCanceledException)
        {
        }

        var result = new Result(requests, completions, errors, wall, LatencyRecorder.Merge(completeLatency), LatencyRecorder.Merge(startLatency), firstError);
        o.WriteLine($"  clients {s.Clients}, measured {wall.TotalSeconds:F1} s after {s.WarmupSeconds} s warm-up; cpu {cpu.TotalSeconds:F1} s " +
                    $"({cpu.TotalSeconds / wall.TotalSeconds / Environment.ProcessorCount * 100:F0}% of {Environment.ProcessorCount} cores, app and clients together)");
        o.WriteLine($"  {requests} requests ({result.RequestsPerSecond:F1}/s), {completions} task completions ({completions / wall.TotalSeconds:F1}/s), {result.Start.Count} cases started by clients");
        o.WriteLine($"  complete  ms: p50 {result.Complete.Percentile(50):F2}  p90 {result.Complete.Percentile(90):F2}  p99 {result.Complete.Percentile(99):F2}  max {result.Complete.Percentile(100):F2}  (n={result.Complete.Count})");
        o.WriteLine($"  machine load average (1/5/15 min) at end: {MachineLoad.Read()}");
        o.WriteLine(errors == 0 ? "  errors: none" : $"  ERRORS: {errors}; first: {firstError}");
        o.WriteLine($"  target: complete-task p99 ≤ 25 ms with zero errors: {(result.Complete.Percentile(99) <= 25 && errors == 0 ? "met" : "NOT met")}");
        return result;
    }

    private static async Task<string> LoginAsync(HttpClient http, string email)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = DemoAccount.Password });
        await EnsureAsync(response, $"login {email}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
