using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// The engine in process on a durable store. C clients take case numbers from a shared counter; for each case a
/// client starts it, lists its tasks and completes the five tasks one after another, timing each completion.
/// </summary>
public static class ParallelScenario
{
    public sealed record Settings(int Cases, int Clients, int Warmup, string Store, string? Connection, string SqliteSync, int SqliteBusyTimeoutMs, bool SqliteWriteGate, int ProbeCases, bool KeepDb);

    public static Settings Read(Options o, bool storeOption = true)
    {
        var cases = o.Int("cases", 2000, min: 1);
        var clients = o.Int("clients", 8, min: 1);
        return new Settings(
            cases,
            clients,
            o.Int("warmup", DefaultWarmup(cases, clients)),
            storeOption ? o.Choice("store", "sqlite", "sqlite", "postgres") : "sqlite",
            storeOption ? o.String("connection") : null,
            o.Choice("sqlite-sync", "normal", "normal", "full"),
            o.Int("sqlite-busy-timeout", 15000),
            o.Flag("sqlite-write-gate"),
            o.Int("probe-cases", 20),
            storeOption && o.Flag("keep-db"));
    }

    public static int DefaultWarmup(int cases, int clients) => Math.Max(clients * 4, Math.Min(200, cases / 10));

    public static async Task<int> RunAsync(Options options)
    {
        var settings = Read(options);
        options.RejectUnknown();
        var result = await MeasureAsync(settings, Console.Out);
        Console.WriteLine(result.KeyValues());
        return result.Ok ? 0 : 1;
    }

    public static async Task<RunResult> MeasureAsync(Settings s, TextWriter o)
    {
        await using var store = await BenchStore.CreateAsync(s.Store, s.Connection, s.SqliteSync, s.SqliteBusyTimeoutMs, s.SqliteWriteGate, s.KeepDb);
        o.WriteLine($"== parallel: ApprovalFlow engine in process, {s.Store} ({store.Description})");
        var services = store.Services;
        using (var scope = services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<WorkflowEngine>()
                .DeployAsync(Encoding.UTF8.GetBytes(ParallelApprovalModel.Xml()), "bench");

        if (s.Warmup > 0)
        {
            var warm = await DriveAsync(services, "warmup", s.Warmup, s.Clients);
            o.WriteLine($"  warm-up: {s.Warmup} cases in {warm.Elapsed.TotalSeconds:F2} s (not counted){(warm.Ok ? "" : $"; {warm.Failed} failed: {warm.FirstError}")}");
        }

        var result = await DriveAsync(services, "case", s.Cases, s.Clients);
        result.PrintFigures(o);
        if (s.ProbeCases > 0) await ProbeAsync(services, store.Counter, s.ProbeCases, o);
        return result;
    }

    private static async Task<RunResult> DriveAsync(IServiceProvider services, string prefix, int cases, int clients)
    {
        var ids = new Guid[cases];
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var completeLatency = Enumerable.Range(0, clients).Select(_ => new LatencyRecorder()).ToArray();
        var startLatency = Enumerable.Range(0, clients).Select(_ => new LatencyRecorder()).ToArray();
        var next = -1;
        var completions = 0;

        async Task Client(int client)
        {
            await Task.Yield();
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= cases) return;
                try
                {
                    var t0 = Stopwatch.GetTimestamp();
                    InstanceSnapshot started;
                    using (var scope = services.CreateScope())
                        started = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>()
                            .StartAsync(ParallelApprovalModel.Key, $"{prefix}-{i}", new JsonObject { ["caseNo"] = i, ["applicant"] = $"enterprise-{i % 97}" }, "applicant");
                    startLatency[client].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    ids[i] = started.Id;

                    IReadOnlyList<TaskSnapshot> tasks;
                    using (var scope = services.CreateScope())
                        tasks = await scope.ServiceProvider.GetRequiredService<WorkflowEngine>()
                            .ListOpenTasksAsync(new TaskQuery(InstanceId: started.Id));
                    if (tasks.Count != RunResult.TasksPerCase)
                        throw new InvalidOperationException($"case {i} has {tasks.Count} open tasks after start, expected {RunResult.TasksPerCase}");

                    foreach (var task in tasks)
                    {
                        var c0 = Stopwatch.GetTimestamp();
                        using (var scope = services.CreateScope())
                            await scope.ServiceProvider.GetRequiredService<WorkflowEngine>()
                                .CompleteTaskAsync(task.Id, new JsonObject { [$"{task.ElementId}Decision"] = "approved" }, $"officer-{task.ElementId}");
                        completeLatency[client].Add(Stopwatch.GetElapsedTime(c0).TotalMilliseconds);
                        Interlocked.Increment(ref completions);
                    }
                }
                catch (Exception ex)
                {
                    errors.Enqueue($"case {i}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        var meter = Meter.Start();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => Client(c))));
        var (wall, cpu) = meter.Stop();

        // Every case must have reached its end event; anything else is a failed run, whatever its speed.
        var failed = 0;
        string? first = errors.TryPeek(out var e) ? e : null;
        using (var scope = services.CreateScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            for (var i = 0; i < cases; i++)
            {
                var instance = ids[i] == Guid.Empty ? null : await engine.GetInstanceAsync(ids[i]);
                if (instance?.Status == "completed") continue;
                failed++;
                first ??= $"case {i} is {instance?.Status ?? "not started"}";
            }
        }
        return new RunResult("approvalflow", cases, clients, completions, wall, cpu,
            LatencyRecorder.Merge(completeLatency), LatencyRecorder.Merge(startLatency), failed, first);
    }

    /// <summary>
    /// Runs a few cases alone, one call at a time, and counts what each engine call sends to the database,
    /// to show where a completion's time goes (database round trips vs engine and EF work).
    /// </summary>
    private static async Task ProbeAsync(IServiceProvider services, SqlCounter counter, int cases, TextWriter o)
    {
        var ops = new Dictionary<string, (int N, SqlCounter.Totals Sql, TimeSpan Wall, long Bytes)>();
        void Add(string op, SqlCounter.Totals sql, TimeSpan wall, long bytes)
        {
            var (n, s, w, b) = ops.GetValueOrDefault(op);
            ops[op] = (n + 1, new SqlCounter.Totals(s.Commands + sql.Commands, s.Statements + sql.Statements, s.Transactions + sql.Transactions, s.DbTime + sql.DbTime), w + wall, b + bytes);
        }
        async Task<T> Measure<T>(string op, Func<WorkflowEngine, Task<T>> call)
        {
            using var scope = services.CreateScope();
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            var before = counter.Snapshot();
            // The calls run alone, so the process's allocations over one call are (nearly all) the call's own.
            var bytes0 = GC.GetTotalAllocatedBytes(precise: true);
            var t0 = Stopwatch.GetTimestamp();
            var result = await call(engine);
            var wall = Stopwatch.GetElapsedTime(t0);
            Add(op, counter.Snapshot() - before, wall, GC.GetTotalAllocatedBytes(precise: true) - bytes0);
            return result;
        }

        for (var i = 0; i < cases; i++)
        {
            var started = await Measure("start", e => e.StartAsync(ParallelApprovalModel.Key, $"probe-{i}", new JsonObject { ["caseNo"] = i }, "applicant"));
            var tasks = await Measure("list tasks", e => e.ListOpenTasksAsync(new TaskQuery(InstanceId: started.Id)));
            for (var t = 0; t < tasks.Count; t++)
            {
                var task = tasks[t];
                await Measure(t == tasks.Count - 1 ? "complete (last: join+end)" : "complete (1st-4th)",
                    e => e.CompleteTaskAsync(task.Id, new JsonObject { [$"{task.ElementId}Decision"] = "approved" }, "officer"));
            }
        }

        o.WriteLine($"  probe: {cases} cases alone, per call (EF commands = round trips; statements ≈ counted in batches; db = command execution time):");
        o.WriteLine($"    {"call",-27} {"cmds",5} {"stmts",6} {"tx",4} {"wall ms",8} {"db ms",7} {"non-db ms",9} {"alloc KB",9}");
        foreach (var (op, (n, sql, wall, bytes)) in ops)
        {
            double per(double v) => v / n;
            o.WriteLine($"    {op,-27} {per(sql.Commands),5:F1} {per(sql.Statements),6:F1} {per(sql.Transactions),4:F1} {per(wall.TotalMilliseconds),8:F2} {per(sql.DbTime.TotalMilliseconds),7:F2} {per((wall - sql.DbTime).TotalMilliseconds),9:F2} {per(bytes) / 1024,9:F1}");
        }
    }
}
