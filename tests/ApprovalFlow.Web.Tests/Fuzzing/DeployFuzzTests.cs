using System.Diagnostics;
using System.Globalization;
using ApprovalFlow.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ApprovalFlow.Web.Tests.Fuzzing;

/// <summary>
/// Deploys thousands of damaged models through <c>POST /api/definitions</c> of the real app (SQLite): each must be
/// deployed or refused with named elements (<see cref="DeployProbe"/>), within the time limit, and the process's memory
/// must not grow from batch to batch. Deterministic: the seed is printed; <c>APPROVALFLOW_FUZZ_SEED</c> and
/// <c>APPROVALFLOW_FUZZ_CASES</c> change the seed and the number of cases (a long run is a matter of the variable).
/// </summary>
[Trait("Category", "Fuzz")]
[Collection(AloneCollection.Name)]
public sealed class DeployFuzzTests(WebAppFactory factory, ITestOutputHelper output) : IClassFixture<WebAppFactory>
{
    public const int DefaultSeed = 20261207;
    public const int DefaultCases = 2500;
    private const int Batches = 10;

    /// <summary>Growth of the managed heap allowed from the end of the first batch to the end of the run.</summary>
    private const long HeapGrowthLimit = 128L * 1024 * 1024;

    /// <summary>
    /// What the run may add to the test process's working set (the app, the test host and the run's models together); the
    /// process is the whole suite's, so its absolute size says more about the classes before this one than about deploy.
    /// </summary>
    private const long WorkingSetLimit = 1024L * 1024 * 1024;

    [Fact]
    public async Task Damaged_models_are_each_deployed_or_refused_with_named_elements_in_bounded_time_and_memory()
    {
        var seed = Setting("APPROVALFLOW_FUZZ_SEED", DefaultSeed);
        var cases = Setting("APPROVALFLOW_FUZZ_CASES", DefaultCases);
        output.WriteLine($"Deploy fuzzing: seed {seed}, {cases} cases (APPROVALFLOW_FUZZ_SEED, APPROVALFLOW_FUZZ_CASES).");
        var corpus = FuzzCorpus.Load(output.WriteLine);
        output.WriteLine($"Corpus: {corpus.Count} models.");
        var admin = await factory.ClientForAsync(Accounts.Admin);

        var stats = new SortedDictionary<string, MutationStats>(StringComparer.Ordinal);
        var failures = new List<string>();
        var heap = new List<long>();
        // The process is the whole test run's: what counts is what this run adds to it, not what earlier classes left.
        var workingSetBefore = Environment.WorkingSet;
        var watch = Stopwatch.StartNew();
        var batchSize = Math.Max(1, cases / Batches);
        for (var i = 0; i < cases; i++)
        {
            var (file, mutation, bytes) = Case(seed, i, corpus);
            var outcome = await DeployProbe.PostAsync(admin, bytes);
            var s = stats.TryGetValue(mutation, out var found) ? found : stats[mutation] = new MutationStats();
            s.Count(outcome);
            if (outcome.Failure is { } failure)
                failures.Add($"case {i} ({mutation} of {file}, {bytes.Length} bytes): {failure}");
            if ((i + 1) % batchSize == 0 || i == cases - 1)
                heap.Add(GC.GetTotalMemory(forceFullCollection: true));
        }
        watch.Stop();

        var workingSet = Environment.WorkingSet;
        output.WriteLine($"{"mutation",-22} {"tried",6} {"201",6} {"400",6} {"422",6} {"other",6} {"max ms",7}");
        foreach (var (name, s) in stats)
            output.WriteLine($"{name,-22} {s.Tried,6} {s.Deployed,6} {s.Invalid,6} {s.Contract,6} {s.Other,6} {s.MaxMilliseconds,7}");
        output.WriteLine($"total {cases} cases in {watch.Elapsed.TotalSeconds:0.0} s; {failures.Count} failures; managed heap per batch (MB): " +
            string.Join(" ", heap.Select(h => (h / 1024 / 1024).ToString(CultureInfo.InvariantCulture))) +
            $"; working set {workingSetBefore / 1024 / 1024} MB before, {workingSet / 1024 / 1024} MB after");
        foreach (var failure in failures.Take(30)) output.WriteLine(failure);

        failures.ShouldBeEmpty($"{failures.Count} of {cases} cases got a wrong answer (seed {seed}); the first: {failures.FirstOrDefault()}");
        (heap[^1] - heap[0]).ShouldBeLessThan(HeapGrowthLimit,
            $"the managed heap grew from {heap[0] / 1024 / 1024} MB after the first batch to {heap[^1] / 1024 / 1024} MB at the end");
        (workingSet - workingSetBefore).ShouldBeLessThan(WorkingSetLimit,
            $"the working set grew from {workingSetBefore / 1024 / 1024} MB to {workingSet / 1024 / 1024} MB");
    }

    /// <summary>Case <paramref name="index"/> of a run: its own generator, so any case is replayed without the ones before it.</summary>
    public static (string File, string Mutation, byte[] Bytes) Case(int seed, int index, IReadOnlyList<(string Name, byte[] Bytes)> corpus)
    {
        var random = new Random(unchecked(seed * 7919 + index));
        var (file, original) = corpus[random.Next(corpus.Count)];
        var (mutation, bytes) = ModelMutator.Mutate(random, original);
        return (file, mutation, bytes);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private sealed class MutationStats
    {
        public int Tried { get; private set; }
        public int Deployed { get; private set; }
        public int Invalid { get; private set; }
        public int Contract { get; private set; }
        public int Other { get; private set; }
        public long MaxMilliseconds { get; private set; }

        public void Count(DeployOutcome outcome)
        {
            Tried++;
            switch (outcome.Status)
            {
                case 201: Deployed++; break;
                case 400: Invalid++; break;
                case 422: Contract++; break;
                default: Other++; break;
            }
            MaxMilliseconds = Math.Max(MaxMilliseconds, (long)outcome.Took.TotalMilliseconds);
        }
    }
}

/// <summary>
/// Classes that run with no other test class beside them: the heap the fuzzing measures is the whole test process's,
/// which another class's app would make grow and shrink.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Runs alone";
}
