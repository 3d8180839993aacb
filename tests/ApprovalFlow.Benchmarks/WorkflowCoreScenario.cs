using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// The peer baseline: the same five-branch approval in WorkflowCore with its in-memory persistence (its default;
/// WorkflowCore has no durable provider that can be installed here). Each branch waits for an "approval" event
/// keyed by case and branch; a step after the wait and a step after the join signal the clients, so a completion's
/// latency runs from publishing the event until the branch has moved on (the last one: until the case has ended).
/// </summary>
public static class WorkflowCoreScenario
{
    private const string WorkflowId = "parallel-approval";
    private const string EventName = "approval";
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    /// <param name="PollMs">WorkflowCore's poll interval (its default is 10 s); null keeps the default.</param>
    public sealed record Settings(int Cases, int Clients, int Warmup, int? PollMs);

    public static Settings Read(Options o)
    {
        var cases = o.Int("cases", 2000, min: 1);
        var clients = o.Int("clients", 8, min: 1);
        var poll = o.Int("wc-poll-ms", 0);
        return new Settings(cases, clients, o.Int("warmup", ParallelScenario.DefaultWarmup(cases, clients)), poll > 0 ? poll : null);
    }

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
        o.WriteLine("== workflowcore: WorkflowCore 3.22.0 in process, in-memory persistence, queues and locks, " +
                    (s.PollMs is { } poll ? $"poll interval {poll} ms (default 10 s)" : "default options (poll interval 10 s)"));
        var signals = new Signals();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow(options =>
        {
            if (s.PollMs is { } ms) options.UsePollInterval(TimeSpan.FromMilliseconds(ms));
        });
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        var stepErrors = 0;
        host.OnStepError += (_, _, _) => Interlocked.Increment(ref stepErrors);
        host.Registry.RegisterWorkflow(new ParallelApprovalWorkflow(signals));
        await host.StartAsync(CancellationToken.None);
        try
        {
            if (s.Warmup > 0)
            {
                var warm = await DriveAsync(host, signals, "warmup", s.Warmup, s.Clients);
                o.WriteLine($"  warm-up: {s.Warmup} cases in {warm.Elapsed.TotalSeconds:F2} s (not counted){(warm.Ok ? "" : $"; {warm.Failed} failed: {warm.FirstError}")}");
            }
            var result = await DriveAsync(host, signals, "case", s.Cases, s.Clients);
            if (stepErrors > 0) result = result with { FirstError = (result.FirstError is null ? "" : result.FirstError + "; ") + $"{stepErrors} step error(s)" };
            result.PrintFigures(o);
            return result;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<RunResult> DriveAsync(IWorkflowHost host, Signals signals, string prefix, int cases, int clients)
    {
        var ids = new string?[cases];
        var errors = new ConcurrentQueue<string>();
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
                var caseId = $"{prefix}-{i}";
                try
                {
                    var ended = signals.Wait(caseId + ":end");
                    var t0 = Stopwatch.GetTimestamp();
                    ids[i] = await host.StartWorkflow(WorkflowId, 1, new CaseData { CaseId = caseId }, caseId);
                    startLatency[client].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);

                    var branches = ParallelApprovalModel.Branches;
                    for (var b = 0; b < branches.Count; b++)
                    {
                        var key = caseId + ":" + branches[b];
                        var moved = signals.Wait(key);
                        var c0 = Stopwatch.GetTimestamp();
                        await host.PublishEvent(EventName, key, "approved", null);
                        await (b == branches.Count - 1 ? Task.WhenAll(moved, ended) : moved).WaitAsync(CaseTimeout);
                        completeLatency[client].Add(Stopwatch.GetElapsedTime(c0).TotalMilliseconds);
                        Interlocked.Increment(ref completions);
                        signals.Forget(key);
                    }
                    signals.Forget(caseId + ":end");
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

        // The end step signals before WorkflowCore persists the instance as complete: give it a moment, then check every case.
        var failed = 0;
        string? first = errors.TryPeek(out var e) ? e : null;
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        for (var i = 0; i < cases; i++)
        {
            var status = ids[i] is { } id ? (await host.PersistenceStore.GetWorkflowInstance(id)).Status : (WorkflowStatus?)null;
            while (status == WorkflowStatus.Runnable && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(10);
                status = (await host.PersistenceStore.GetWorkflowInstance(ids[i]!)).Status;
            }
            if (status == WorkflowStatus.Complete) continue;
            failed++;
            first ??= $"case {i} is {status?.ToString() ?? "not started"}";
        }
        return new RunResult("workflowcore", cases, clients, completions, wall, cpu,
            LatencyRecorder.Merge(completeLatency), LatencyRecorder.Merge(startLatency), failed, first);
    }

    public sealed class CaseData
    {
        public string CaseId { get; set; } = "";
    }

    /// <summary>start → parallel (five branches, each waits for its event, then signals) → join → signal the end.</summary>
    private sealed class ParallelApprovalWorkflow(Signals signals) : IWorkflow<CaseData>
    {
        public string Id => WorkflowId;
        public int Version => 1;

        public void Build(IWorkflowBuilder<CaseData> builder)
        {
            var fork = builder.StartWith(_ => { }).Parallel();
            foreach (var branch in ParallelApprovalModel.Branches)
            {
                fork = fork.Do(then => then
                    .StartWith(_ => { })
                    .WaitFor(EventName, data => data.CaseId + ":" + branch)
                    .Then(context => signals.Set(((CaseData)context.Workflow.Data).CaseId + ":" + branch)));
            }
            fork.Join()
                .Then(context => signals.Set(((CaseData)context.Workflow.Data).CaseId + ":end"));
        }
    }

    /// <summary>One completion source per key; whichever of waiter and step comes first creates it.</summary>
    private sealed class Signals
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> sources = new(StringComparer.Ordinal);

        private TaskCompletionSource For(string key) =>
            sources.GetOrAdd(key, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        public Task Wait(string key) => For(key).Task;
        public void Set(string key) => For(key).TrySetResult();
        public void Forget(string key) => sources.TryRemove(key, out _);
    }
}
