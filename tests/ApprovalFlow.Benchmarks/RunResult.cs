using System.Diagnostics;
using System.Globalization;

namespace ApprovalFlow.Benchmarks;

/// <summary>What one measured run produced: throughput over the whole wall time, completion latencies, and whether every case ended.</summary>
public sealed record RunResult(string Label, int Cases, int Clients, int Completions, TimeSpan Elapsed, TimeSpan CpuTime,
    LatencyRecorder CompleteLatency, LatencyRecorder StartLatency, int Failed, string? FirstError)
{
    public const int TasksPerCase = 5;

    public bool Ok => Failed == 0;
    public double CasesPerSecond => Cases / Elapsed.TotalSeconds;
    public double CompletionsPerSecond => Completions / Elapsed.TotalSeconds;

    public void PrintFigures(TextWriter o)
    {
        o.WriteLine($"  cases {Cases}, clients {Clients}, wall {Elapsed.TotalSeconds:F2} s, cpu {CpuTime.TotalSeconds:F2} s " +
                    $"({CpuTime.TotalSeconds / Elapsed.TotalSeconds / Environment.ProcessorCount * 100:F0}% of {Environment.ProcessorCount} cores, " +
                    $"{CpuTime.TotalMilliseconds / Math.Max(1, Cases):F2} cpu-ms/case)");
        o.WriteLine($"  throughput: {CasesPerSecond:F1} cases/s, {CompletionsPerSecond:F1} task completions/s");
        o.WriteLine($"  start     ms: p50 {StartLatency.Percentile(50):F2}  p90 {StartLatency.Percentile(90):F2}  p99 {StartLatency.Percentile(99):F2}  max {StartLatency.Percentile(100):F2}");
        o.WriteLine($"  complete  ms: p50 {CompleteLatency.Percentile(50):F2}  p90 {CompleteLatency.Percentile(90):F2}  p99 {CompleteLatency.Percentile(99):F2}  max {CompleteLatency.Percentile(100):F2}  (n={CompleteLatency.Count})");
        o.WriteLine($"  machine load average (1/5/15 min) at end: {MachineLoad.Read()}");
        o.WriteLine(Ok ? "  verified: every case completed" : $"  FAILED: {Failed} case(s) did not complete; first error: {FirstError}");
    }

    public string KeyValues() => string.Create(CultureInfo.InvariantCulture,
        $"cases_per_s={CasesPerSecond:F1} task_completions_per_s={CompletionsPerSecond:F1} p50_complete_ms={CompleteLatency.Percentile(50):F2} p99_complete_ms={CompleteLatency.Percentile(99):F2}");
}

/// <summary>Wall and CPU time of the process over one measured section.</summary>
public readonly struct Meter
{
    private readonly long start;
    private readonly TimeSpan cpu;

    private Meter(long start, TimeSpan cpu)
    {
        this.start = start;
        this.cpu = cpu;
    }

    public static Meter Start() => new(Stopwatch.GetTimestamp(), Process.GetCurrentProcess().TotalProcessorTime);

    public (TimeSpan Wall, TimeSpan Cpu) Stop() =>
        (Stopwatch.GetElapsedTime(start), Process.GetCurrentProcess().TotalProcessorTime - cpu);
}

/// <summary>Other processes share the cores: the load average says how much, so a figure can be judged.</summary>
public static class MachineLoad
{
    public static string Read()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
