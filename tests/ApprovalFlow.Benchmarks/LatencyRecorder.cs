namespace ApprovalFlow.Benchmarks;

/// <summary>Latency samples in milliseconds. One recorder per client (no locking); merge them at the end.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> samples = [];
    private bool sorted = true;

    public int Count => samples.Count;

    public void Add(double milliseconds)
    {
        samples.Add(milliseconds);
        sorted = false;
    }

    public static LatencyRecorder Merge(IEnumerable<LatencyRecorder> recorders)
    {
        var merged = new LatencyRecorder();
        foreach (var r in recorders) merged.samples.AddRange(r.samples);
        merged.sorted = false;
        return merged;
    }

    /// <summary>Nearest-rank percentile (p in 0..100) of the sorted samples; NaN when there are none.</summary>
    public double Percentile(double p)
    {
        if (samples.Count == 0) return double.NaN;
        if (!sorted)
        {
            samples.Sort();
            sorted = true;
        }
        var rank = (int)Math.Ceiling(p / 100.0 * samples.Count);
        return samples[Math.Clamp(rank - 1, 0, samples.Count - 1)];
    }

    public double Mean => samples.Count == 0 ? double.NaN : samples.Average();
}
