using ApprovalFlow.Benchmarks;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Benchmarks;

/// <summary>
/// A tiny run of every scenario of tests/ApprovalFlow.Benchmarks (a few cases, a couple of seconds), so the harness
/// cannot rot unnoticed. The figures of such runs mean nothing; the tests check that each scenario drives its
/// workload to the end and prints its last line.
/// </summary>
[Collection("benchmark smoke")]
public sealed class BenchmarkSmokeTests
{
    private static string Postgres =>
        Environment.GetEnvironmentVariable(PostgresWebAppFactory.ServerVariable)
        ?? throw new InvalidOperationException($"{PostgresWebAppFactory.ServerVariable} is not set; run the tests through ./test.sh");

    [Fact]
    public async Task Parallel_on_sqlite_completes_every_case_and_counts_the_sql_of_a_completion()
    {
        var output = new StringWriter();
        var result = await ParallelScenario.MeasureAsync(
            new ParallelScenario.Settings(Cases: 3, Clients: 2, Warmup: 1, "sqlite", null, "normal", 15000, SqliteWriteGate: false, ProbeCases: 1, KeepDb: false), output);

        result.Ok.ShouldBeTrue(result.FirstError);
        result.Completions.ShouldBe(3 * RunResult.TasksPerCase);
        result.KeyValues().ShouldStartWith("cases_per_s=");
        output.ToString().ShouldContain("complete (1st-4th)");
    }

    [Fact]
    public async Task Parallel_on_postgres_completes_every_case()
    {
        var output = new StringWriter();
        var result = await ParallelScenario.MeasureAsync(
            new ParallelScenario.Settings(Cases: 3, Clients: 2, Warmup: 0, "postgres", Postgres, "normal", 15000, SqliteWriteGate: false, ProbeCases: 1, KeepDb: false), output);

        result.Ok.ShouldBeTrue(result.FirstError);
        result.Completions.ShouldBe(3 * RunResult.TasksPerCase);
    }

    [Fact]
    public async Task The_workflowcore_peer_completes_every_case()
    {
        var output = new StringWriter();
        var result = await WorkflowCoreScenario.MeasureAsync(new WorkflowCoreScenario.Settings(Cases: 3, Clients: 2, Warmup: 0, PollMs: 100), output);

        result.Ok.ShouldBeTrue(result.FirstError);
        result.Completions.ShouldBe(3 * RunResult.TasksPerCase);
    }

    [Fact]
    public async Task Http_completes_tasks_through_the_rest_api_without_errors()
    {
        var output = new StringWriter();
        var result = await HttpScenario.MeasureAsync(
            new HttpScenario.Settings(Clients: 2, Seconds: 2, WarmupSeconds: 0, SeedCases: 2, Url: null, Hangfire: false), output);

        result.Errors.ShouldBe(0, result.FirstError);
        result.Completions.ShouldBeGreaterThan(0);
        result.KeyValues().ShouldStartWith("requests_per_s=");
        result.KeyValues().ShouldContain("errors=0");
    }

    [Fact]
    public async Task Scale_loads_a_small_backlog_and_times_every_page()
    {
        var output = new StringWriter();
        var result = await ScaleScenario.MeasureAsync(new ScaleScenario.Settings(Cases: 100, "postgres", Postgres, Samples: 1, KeepDb: false), output);

        var text = output.ToString();
        text.ShouldContain("approval_steps: 500 rows");
        text.ShouldContain("chase sweep:");
        double.IsNaN(result.StalledP95Ms).ShouldBeFalse();
        double.IsNaN(result.InboxP95Ms).ShouldBeFalse();
        result.KeyValues().ShouldStartWith("stalled_p95_ms=");
    }
}
