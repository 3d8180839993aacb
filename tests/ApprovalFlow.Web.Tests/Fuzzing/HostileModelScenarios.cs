using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ApprovalFlow.Web.Tests.Fuzzing;

/// <summary>
/// Generated hostile models through <c>POST /api/definitions</c> of the real app: each deployed or refused with named
/// elements or a line within the time limit, none read a local file, and the ones that deploy but could loop are
/// stopped when a case starts on them.
/// </summary>
[Trait("Category", "Fuzz")]
public abstract class HostileModelScenarios(WebAppFactory factory, ITestOutputHelper output)
{
    /// <summary>Below the default of 10,000, to show the setting applies.</summary>
    private const int StepLimit = 2_000;

    // Set before the app is first built (the first test of the class builds it).
    private readonly bool _configured = factory.Settings.TryAdd("Engine:MaxStepsPerTransition", StepLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<DeployOutcome> DeployAsync(string what, byte[] model, TimeSpan? timeout = null)
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var outcome = await DeployProbe.PostAsync(admin, model, timeout);
        output.WriteLine($"{what} ({model.Length:N0} bytes): {outcome.Status} in {outcome.Took.TotalMilliseconds:0} ms; " +
            $"{(string?)outcome.Body?["title"] ?? ""} {FirstProblem(outcome.Body)}");
        outcome.Failure.ShouldBeNull(what);
        return outcome;
    }

    private static string FirstProblem(JsonObject? body) =>
        body?["errors"] is JsonArray { Count: > 0 } errors ? Shorten(errors[0]!.ToJsonString()) : "";

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static JsonObject Problem(DeployOutcome outcome, int status)
    {
        outcome.Status.ShouldBe(status, outcome.Body?.ToJsonString());
        return outcome.Body!;
    }

    [Fact]
    public async Task An_empty_or_blank_body_is_refused_with_the_field_at_fault()
    {
        // Found by the long fuzzing run (a truncation to nothing): the endpoint answered a ProblemDetails without errors.
        foreach (var body in new[] { ""u8.ToArray(), " \r\n\t"u8.ToArray() })
        {
            var problem = Problem(await DeployAsync($"{body.Length}-byte body", body), 400);
            problem["errors"]!["xml"].ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task Billion_laughs_is_refused_at_its_DTD_without_expanding_it()
    {
        // Refused at the DOCTYPE, before any entity is read (the heap is not measured here: other test classes run beside this one).
        var problem = Problem(await DeployAsync("billion laughs", HostileModels.BillionLaughs()), 400);
        var error = problem["errors"]!.AsArray().Single()!;
        ((string?)error["message"] ?? "").ShouldContain("DTD");
        ((int?)error["line"]).ShouldBe(2);
    }

    [Fact]
    public async Task An_external_entity_is_refused_and_the_file_it_names_is_never_read()
    {
        var secret = Path.Combine(factory.DataFolder, "secret.txt");
        Directory.CreateDirectory(factory.DataFolder);
        await File.WriteAllTextAsync(secret, "TOP-SECRET-6f1c");
        foreach (var (what, model) in new[]
                 {
                     ("external entity", HostileModels.ExternalEntity(secret)),
                     ("external entity /etc/passwd", HostileModels.ExternalEntity("/etc/passwd")),
                     ("XInclude", HostileModels.XInclude(secret)),
                 })
        {
            var outcome = await DeployAsync(what, model);
            outcome.Body!.ToJsonString().ShouldNotContain("TOP-SECRET");
            outcome.Body!.ToJsonString().ShouldNotContain("root:");
            if (outcome.Status == 201)
            {
                // Deployed (the XInclude is an unknown extension, ignored): the stored model still holds the reference, not the file.
                var admin = await factory.ClientForAsync(Accounts.Admin);
                var xml = await admin.GetStringAsync($"/api/designer/versions/{(string?)outcome.Body["id"]}/xml");
                xml.ShouldNotContain("TOP-SECRET");
            }
            else
            {
                outcome.Status.ShouldBe(400);
            }
        }
    }

    [Fact]
    public async Task A_thousand_nested_sub_processes_are_refused_at_the_line_too_deep()
    {
        var problem = Problem(await DeployAsync("1,000 nested sub-processes", HostileModels.NestedSubProcesses("nested-1000", 1000)), 400);
        ((int?)problem["errors"]![0]!["line"]).ShouldNotBeNull();
        Problem(await DeployAsync("100,000 nested extension elements", HostileModels.DeepExtensionElements(100_000)), 400);
    }

    [Fact]
    public async Task Sub_processes_nested_just_below_the_limit_deploy_and_run()
    {
        await DeployAsync("90 nested sub-processes", HostileModels.NestedSubProcesses("nested-90", 90));
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var started = await StartAsync(admin, "nested-90");
        started.Status.ShouldBe(201, started.Body);
    }

    [Theory]
    [InlineData("name", 10)]
    [InlineData("id", 5)]
    [InlineData("condition", 10)]
    public async Task A_multi_megabyte_attribute_is_refused_at_its_element_in_time(string where, int megabytes)
    {
        var problem = Problem(await DeployAsync($"{megabytes} MB {where}", HostileModels.HugeAttribute(where, megabytes * 1024 * 1024), TimeSpan.FromSeconds(30)), 400);
        // The refusal names the element without quoting the attribute whole.
        problem.ToJsonString().Length.ShouldBeLessThan(10_000);
    }

    [Fact]
    public async Task A_body_above_the_size_limit_is_answered_413()
    {
        var huge = HostileModels.HugeAttribute("name", 40 * 1024 * 1024);
        var outcome = await DeployAsync("40 MB body", huge, TimeSpan.FromSeconds(30));
        outcome.Status.ShouldBe(413);
    }

    [Fact]
    public async Task Gateway_cycles_without_a_wait_state_are_stopped_when_a_case_starts()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        foreach (var (key, model) in new[] { ("cycle-exclusive", HostileModels.ExclusiveCycle("cycle-exclusive")), ("cycle-parallel", HostileModels.ParallelCycle("cycle-parallel")) })
        {
            var deployed = await DeployAsync(key, model);
            if (deployed.Status != 201) continue;
            var started = await StartAsync(admin, key);
            started.Status.ShouldBe(400, started.Body);
            started.Body.ShouldContain($"More than {StepLimit} steps");
        }
    }

    [Fact]
    public async Task Ten_thousand_parallel_branches_deploy_and_a_case_on_them_is_answered_in_time()
    {
        var outcome = await DeployAsync("10,000 parallel branches", HostileModels.ParallelBranches("branches-10k", 10_000), TimeSpan.FromSeconds(30));
        if (outcome.Status != 201) return;
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var started = await StartAsync(admin, "branches-10k", TimeSpan.FromSeconds(60));
        started.Status.ShouldBeOneOf(201, 400);
    }

    [Fact]
    public async Task A_flat_model_of_forty_thousand_elements_deploys_and_one_of_a_hundred_thousand_is_refused()
    {
        await DeployAsync("40,000-element chain, flows without ids", HostileModels.FlatChain("flat-40k", 20_000, flowIds: false), TimeSpan.FromSeconds(30));
        var problem = Problem(await DeployAsync("100,000-element chain", HostileModels.FlatChain("flat-100k", 50_000), TimeSpan.FromSeconds(30)), 400);
        ((string?)problem["errors"]![0]!["message"] ?? "").ShouldContain("flow elements");
    }

    [Fact]
    public async Task A_file_of_thousands_of_processes_is_refused()
    {
        var problem = Problem(await DeployAsync("5,000 processes in one file", HostileModels.ManyProcesses("many", 5_000), TimeSpan.FromSeconds(30)), 400);
        ((string?)problem["errors"]![0]!["message"] ?? "").ShouldContain("executable processes");
    }

    [Fact]
    public async Task Thousands_of_exclusive_splits_beside_thousands_of_parallel_joins_are_answered_in_time()
    {
        await DeployAsync("2,000 diamonds and 2,000 joins", HostileModels.DiamondsAndJoins("diamonds", 2_000, 2_000), TimeSpan.FromSeconds(30));
    }

    private static async Task<(int Status, string Body)> StartAsync(HttpClient client, string key, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DeployProbe.DefaultTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey = key }, cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            ((int)response.StatusCode).ShouldBeLessThan(500, body);
            return ((int)response.StatusCode, body);
        }
        catch (OperationCanceledException)
        {
            throw new ShouldAssertException($"Starting a case on {key} got no answer within {watch.Elapsed.TotalSeconds:0} s (a hang).");
        }
    }
}

public sealed class HostileModelsOnSqlite(WebAppFactory factory, ITestOutputHelper output)
    : HostileModelScenarios(factory, output), IClassFixture<WebAppFactory>;

/// <summary>PostgreSQL holds the engine's columns to their lengths where SQLite stores anything: the long ids and names are tried on both.</summary>
public sealed class HostileModelsOnPostgres(PostgresWebAppFactory factory, ITestOutputHelper output)
    : HostileModelScenarios(factory, output), IClassFixture<PostgresWebAppFactory>;
