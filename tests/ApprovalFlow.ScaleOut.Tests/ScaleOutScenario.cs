using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Features.Administration;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Identity;
using Xunit.Abstractions;

namespace ApprovalFlow.ScaleOut.Tests;

/// <summary>
/// Issue 14, points 4 and 5: three app servers (each with its Hangfire server) started at the same moment on one empty
/// PostgreSQL database, then a load of cases driven through all three over the REST API (parallel user tasks, a message,
/// a short timer; random servers, some tasks completed on two servers at once), one server SIGKILLed in the middle and
/// restarted. Everything is checked from the database and the servers' logs at the end.
/// <c>APPROVALFLOW_SCALE_CASES</c> and <c>APPROVALFLOW_SCALE_SEED</c> override the case count (1,000) and the seed.
/// </summary>
public sealed class ScaleOutScenario(ITestOutputHelper output)
{
    private const int ServerCount = 3;
    private const int ParallelCases = 24;
    private const string Admin = "admin@approvalflow.local";
    private const string ModelKey = "scale-case";
    private const int Completed = 1; // engine_instances / engine_tasks / engine_timers status 1: completed / completed / fired
    private const int OutboxSending = 1;
    private const int OutboxNoChannel = 4;

    private static int CaseCount => Setting("APPROVALFLOW_SCALE_CASES", 1000);
    private static int Seed => Setting("APPROVALFLOW_SCALE_SEED", 20261207);

    private readonly ConcurrentQueue<Answer> _answers = new();
    private readonly ConcurrentDictionary<int, Expected> _cases = new();
    private List<AppServer> _servers = [];
    private Database _db = null!;
    private int _started;
    private int _duplicatesRefused;
    private int _conflictsRetried;

    private sealed record Answer(string Kind, int Case, Guid Subject, int Server, int? Status, string? Problem);

    private sealed record Expected(string BusinessKey, Guid InstanceId, bool Approve, Guid Review, Guid Check);

    [Fact]
    public async Task Three_servers_start_together_share_a_thousand_cases_and_survive_a_kill()
    {
        var clock = Stopwatch.StartNew();
        output.WriteLine($"scale-out: seed {Seed}, {CaseCount} cases, {ServerCount} servers");
        await using var db = _db = await Database.CreateAsync();
        var data = Directory.CreateTempSubdirectory("approvalflow-scale-");
        try
        {
            _servers = [.. Enumerable.Range(0, ServerCount).Select(i => new AppServer(i, Settings(i, data.FullName)))];

            // 1. First start of three at once on an empty database.
            foreach (var server in _servers) server.Start();
            await Task.WhenAll(_servers.Select(s => s.WaitReadyAsync(Admin, DemoAccount.Password, TimeSpan.FromMinutes(4))));
            var firstStart = clock.Elapsed;
            output.WriteLine($"first start: {ServerCount} servers ready after {firstStart.TotalSeconds:0.0} s");
            await ShouldHaveSeededOnceAsync();

            // 2. The load, with a kill in the middle.
            await DeployModelAsync();
            var load = Stopwatch.StartNew();
            var chaos = KillAndRestartAsync();
            await DriveAsync(0, CaseCount - Tail);
            var (killedAt, restartedAt) = await chaos;
            // The last cases wait 8 s on their timer (3 s for the others), so that some are still waiting below.
            await DriveAsync(CaseCount - Tail, CaseCount);
            var driven = load.Elapsed;

            // 3. Every server killed at once while the last cases wait on their timers, all restarted together once those
            // timers are due: the restarted servers fire them (once).
            foreach (var server in _servers) server.Kill();
            var outageAt = DateTime.UtcNow;
            var waitingTimers = await db.QueryAsync("""
                SELECT t."Id", t."DueAt" FROM engine_timers t JOIN engine_instances i ON i."Id" = t."InstanceId"
                WHERE i."DefinitionKey" = @key AND t."Status" = 0
                """, r => (Id: r.GetGuid(0), DueAt: r.GetDateTime(1)), ("key", ModelKey));
            var lastDue = waitingTimers.Select(t => t.DueAt).DefaultIfEmpty(outageAt).Max();
            await Task.Delay(TimeSpan.FromSeconds(3) + (lastDue > outageAt ? lastDue - outageAt : TimeSpan.Zero));
            foreach (var server in _servers) server.Start();
            await Task.WhenAll(_servers.Select(s => s.WaitReadyAsync(Admin, DemoAccount.Password, TimeSpan.FromMinutes(4))));
            var backAt = DateTime.UtcNow;
            output.WriteLine($"all {ServerCount} servers killed with {waitingTimers.Count} timer(s) pending, restarted together after "
                + $"{(DateTime.UtcNow - outageAt).TotalSeconds:0.0} s");

            // 4. Let the last timers and the outbox delivery run, then check everything from the database and the logs.
            await WaitForAsync("every case to end", TimeSpan.FromMinutes(3), async () =>
                await db.ScalarAsync<long>("""SELECT count(*) FROM engine_instances WHERE "DefinitionKey" = @key AND "Status" <> 1""", ("key", ModelKey)) == 0);
            await WaitForAsync("the stuck outbox row to be retried", TimeSpan.FromMinutes(3), async () =>
                await db.ScalarAsync<int>("""SELECT "Status" FROM outbox_messages WHERE "Id" = @id""", ("id", StuckOutboxId)) != OutboxSending);

            var timersFired = await ShouldHaveEndedEveryCaseAsItsInputsImplyAsync();
            var (dueWhileDown, firedAfterRestart) = await ShouldHaveFiredTheTimersDueWhileDownAsync(killedAt, restartedAt);
            var lateness = await ShouldHaveFiredTimersOnTimeAsync((killedAt, restartedAt), (outageAt, backAt));
            var afterOutage = await db.QueryAsync("""SELECT "Status", "FiredAt" FROM engine_timers WHERE "Id" = ANY(@ids)""",
                r => (Status: r.GetInt32(0), FiredAt: r.GetDateTime(1)), ("ids", waitingTimers.Select(t => t.Id).ToArray()));
            afterOutage.Count.ShouldBe(waitingTimers.Count);
            afterOutage.ShouldAllBe(t => t.Status == Completed && t.FiredAt > outageAt, "fired by the restarted servers");
            await ShouldHaveKeptEverySuccessAsync();
            var outbox = await db.QueryAsync("""SELECT "Status", "Attempts" FROM outbox_messages WHERE "Id" = @id""",
                r => (Status: r.GetInt32(0), Attempts: r.GetInt32(1)), ("id", StuckOutboxId));
            outbox.Single().Status.ShouldBe(OutboxNoChannel, "the row a killed server left in sending went back to pending after its lease "
                + "and was taken up again (no SMTP host here, so it ends no-channel)");
            ShouldHaveCleanLogs();

            var answers = _answers.ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"scale-out summary: servers {ServerCount}, cases {CaseCount}, requests {answers.Count} "
                + $"({answers.Count(a => a.Status is >= 200 and < 300)} 2xx, {answers.Count(a => a.Status is >= 400 and < 500)} 4xx, "
                + $"{answers.Count(a => a.Status >= 500)} 5xx, {answers.Count(a => a.Status is null)} unanswered), kills {1 + ServerCount}, "
                + $"timers fired {timersFired} ({dueWhileDown} due while server {Victim} was down, {firedAfterRestart} of them after its restart; "
                + $"{waitingTimers.Count} pending when all servers were killed, fired after their restart; lateness of the others "
                + $"median {lateness.P50:0.0} s, 95th percentile {lateness.P95:0.0} s, max {lateness.Max:0.0} s), "
                + $"duplicates refused {_duplicatesRefused}, conflicts retried {_conflictsRetried}, seed {Seed}, "
                + $"first start {firstStart.TotalSeconds:0.0} s, load {driven.TotalSeconds:0.0} s ({CaseCount / driven.TotalSeconds:0.0} cases/s), "
                + $"total {clock.Elapsed.TotalSeconds:0.0} s"));
        }
        finally
        {
            foreach (var server in _servers) server.Dispose();
            if (Environment.GetEnvironmentVariable("APPROVALFLOW_SCALE_KEEP_LOGS") is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                foreach (var server in _servers) await File.WriteAllLinesAsync(Path.Combine(folder, $"server-{server.Index}.log"), server.Log());
            }
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private IReadOnlyDictionary<string, string> Settings(int index, string dataRoot) => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__ApprovalFlow"] = _db.AppConnectionString,
        ["ApprovalFlow__DataFolder"] = Path.Combine(dataRoot, $"server-{index}"),
        // Outside Development the demo accounts are seeded only when asked for; no demo data (its cases are not ours).
        ["ApprovalFlow__DemoAccounts"] = "true",
        ["ApprovalFlow__DemoData"] = "false",
        ["Hangfire__Enabled"] = "true",
        ["Notifications__SendingLeaseMinutes"] = "1",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        ["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled",
    };

    // --- first start ---

    private async Task ShouldHaveSeededOnceAsync()
    {
        var versions = await _db.QueryAsync("""SELECT "Key", count(*) FROM engine_definitions GROUP BY "Key" """,
            r => (Key: r.GetString(0), Count: r.GetInt64(1)));
        versions.Select(v => v.Key).Order().ShouldBe(new[] { ShippedWorkflows.PledgeSystem, ShippedWorkflows.PreConstruction }.Order());
        versions.ShouldAllBe(v => v.Count == 1, "one deployment (one version) per shipped model");
        (await _db.ScalarAsync<long>("""SELECT count(*) FROM "AspNetRoles" """)).ShouldBe(AppRoles.All.Count);
        (await _db.ScalarAsync<long>("""SELECT count(DISTINCT "Name") FROM "AspNetRoles" """)).ShouldBe(AppRoles.All.Count);
        var users = await _db.QueryAsync("""SELECT "NormalizedEmail" FROM "AspNetUsers" """, r => r.GetString(0));
        users.Count.ShouldBe(users.Distinct().Count(), "each seeded account once");
        DemoAccount.All.Select(a => a.Email.ToUpperInvariant()).ShouldBeSubsetOf(users);
        (await _db.ScalarAsync<long>("""SELECT count(*) FROM departments""")).ShouldBe(Departments.Named.Count);
        (await _db.ScalarAsync<long>("""SELECT count(*) - count(DISTINCT ("StepCode", "Code")) FROM material_requirements""")).ShouldBe(0);
        (await _db.ScalarAsync<long>("""SELECT count(*) FROM material_requirements""")).ShouldBeGreaterThan(0);
        ShouldHaveCleanLogs();
    }

    private async Task DeployModelAsync()
    {
        var server = _servers[0];
        using var request = server.Request(HttpMethod.Post, "/api/definitions",
            new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Models", "scale-case.bpmn"))));
        request.Content!.Headers.ContentType = new("application/xml");
        using var response = await server.Client.SendAsync(request);
        ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
    }

    // --- the load ---

    private int Victim { get; } = 1 + new Random(Seed).Next(ServerCount - 1);

    private Guid StuckOutboxId { get; } = Guid.NewGuid();

    /// <summary>Once a third of the cases have started: a row left in sending, SIGKILL, ten seconds down, restart.</summary>
    private async Task<(DateTime KilledAt, DateTime RestartedAt)> KillAndRestartAsync()
    {
        var victim = _servers[Victim];
        await WaitForAsync("a third of the cases to start", TimeSpan.FromMinutes(5),
            () => Task.FromResult(Volatile.Read(ref _started) >= CaseCount / 3));
        // What the killed server's delivery run would leave: a message claimed long ago, never marked.
        await _db.ExecuteAsync("""
            INSERT INTO outbox_messages ("Id", "Channel", "Recipient", "Subject", "Body", "Status", "Attempts", "CreatedAt", "NextAttemptAt", "ClaimedAt")
            VALUES (@id, 'email', 'officer@approvalflow.local', 'stuck', 'claimed by a server that was killed', 1, 1, now() - interval '30 minutes',
                    now() - interval '30 minutes', now() - interval '30 minutes')
            """, ("id", StuckOutboxId));
        var killedAt = DateTime.UtcNow;
        victim.Kill();
        output.WriteLine($"killed server {Victim} (SIGKILL, exit code {victim.ExitCode}) after {Volatile.Read(ref _started)} cases had started");
        await Task.Delay(TimeSpan.FromSeconds(10));
        victim.Start();
        await victim.WaitReadyAsync(Admin, DemoAccount.Password, TimeSpan.FromMinutes(2));
        var restartedAt = DateTime.UtcNow;
        output.WriteLine($"restarted server {Victim}: down {(restartedAt - killedAt).TotalSeconds:0.0} s, {Volatile.Read(ref _started)} cases started by then");
        return (killedAt, restartedAt);
    }

    private static int Tail => Math.Max(10, CaseCount / 40);

    private async Task DriveAsync(int from, int to)
    {
        using var gate = new SemaphoreSlim(ParallelCases);
        await Task.WhenAll(Enumerable.Range(from, to - from).Select(async n =>
        {
            await gate.WaitAsync();
            try
            {
                await RunCaseAsync(n);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private async Task RunCaseAsync(int n)
    {
        var random = new Random(unchecked(Seed * 1_000_003 + n));
        var approve = random.Next(100) < 60;
        var twice = random.Next(100) < 20;
        var key = $"scale-{n:D4}";
        var instanceId = await StartAsync(n, key, random);
        Interlocked.Increment(ref _started);
        var tasks = await OpenTasksAsync(n, instanceId, random);
        _cases[n] = new Expected(key, instanceId, approve, tasks["review"], tasks["check"]);

        // The two tasks and the message at once, each to a random server; the review sometimes to two servers at once.
        var seeds = Enumerable.Range(0, 3).Select(_ => random.Next()).ToArray();
        await Task.WhenAll(
            CompleteAsync(n, tasks["review"], new JsonObject { ["decision"] = approve ? "approve" : "reject" }, twice, new Random(seeds[0])),
            CompleteAsync(n, tasks["check"], new JsonObject { ["checked"] = true }, false, new Random(seeds[1])),
            DeliverAsync(n, key, instanceId, new Random(seeds[2])));
    }

    private async Task<Guid> StartAsync(int n, string key, Random random)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, body) = await CallAsync(Pick(random), HttpMethod.Post, "/api/instances",
                new JsonObject { ["definitionKey"] = ModelKey, ["businessKey"] = key, ["variables"] = new JsonObject { ["caseNo"] = n, ["coolOff"] = n >= CaseCount - Tail ? "PT8S" : "PT3S" } },
                "start", n, Guid.Empty);
            if (status is >= 200 and < 300) return Guid.Parse((string)body!["id"]!);
            await SettleAsync(status, random);
            // No answer (a killed server) or a refusal: did it happen all the same?
            var existing = await _db.QueryAsync("""SELECT "Id" FROM engine_instances WHERE "BusinessKey" = @key""", r => r.GetGuid(0), ("key", key));
            if (existing.Count > 0) return existing.Single();
            if (attempt > 20) throw new InvalidOperationException($"Case {n} could not be started.");
        }
    }

    private async Task<Dictionary<string, Guid>> OpenTasksAsync(int n, Guid instanceId, Random random)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, body) = await CallAsync(Pick(random), HttpMethod.Get, $"/api/tasks?instanceId={instanceId}", null, "list", n, instanceId);
            if (status == 200 && body is JsonArray list && list.Count == 2)
            {
                return list.ToDictionary(t => (string)t!["elementId"]!, t => Guid.Parse((string)t!["id"]!));
            }
            await SettleAsync(status, random);
            if (attempt > 20) throw new InvalidOperationException($"Case {n}: its two tasks were not listed ({status}).");
        }
    }

    private async Task CompleteAsync(int n, Guid taskId, JsonObject variables, bool twice, Random random)
    {
        var path = $"/api/tasks/{taskId}/complete";
        for (var attempt = 0; ; attempt++)
        {
            if (twice && attempt == 0)
            {
                var first = Pick(random);
                var second = Pick(random, except: first);
                var answers = await Task.WhenAll(
                    CallAsync(first, HttpMethod.Post, path, new JsonObject { ["variables"] = variables.DeepClone() }, "complete", n, taskId),
                    CallAsync(second, HttpMethod.Post, path, new JsonObject { ["variables"] = variables.DeepClone() }, "complete", n, taskId));
                if (answers.Count(a => a.Status is >= 200 and < 300) == 1)
                {
                    if (answers.Any(a => a.Status is >= 400 and < 500)) Interlocked.Increment(ref _duplicatesRefused);
                    return;
                }
                if (answers.Any(a => a.Status is >= 200 and < 300)) return; // two successes: the final check names them
            }
            else
            {
                var (status, _) = await CallAsync(Pick(random), HttpMethod.Post, path, new JsonObject { ["variables"] = variables.DeepClone() },
                    "complete", n, taskId);
                if (status is >= 200 and < 300) return;
                await SettleAsync(status, random);
            }
            if (await TaskStatusAsync(taskId) == Completed) return; // done by a request whose answer was lost
            if (attempt > 30) throw new InvalidOperationException($"Case {n}: task {taskId} could not be completed.");
            await Task.Delay(random.Next(10, 100));
        }
    }

    private async Task DeliverAsync(int n, string key, Guid instanceId, Random random)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, _) = await CallAsync(Pick(random), HttpMethod.Post, "/api/messages",
                new JsonObject { ["name"] = "payment", ["businessKey"] = key, ["variables"] = new JsonObject { ["paid"] = n } },
                "message", n, instanceId);
            if (status is >= 200 and < 300) return;
            await SettleAsync(status, random);
            if (await MessageReceivedAsync(instanceId) > 0) return;
            if (attempt > 30) throw new InvalidOperationException($"Case {n}: the message could not be delivered ({status}).");
        }
    }

    /// <summary>After an unanswered request, a moment for the killed server's last commit to land; after a conflict, a short backoff.</summary>
    private async Task SettleAsync(int? status, Random random)
    {
        if (status is null)
        {
            await Task.Delay(1000);
        }
        else
        {
            if (status == 409) Interlocked.Increment(ref _conflictsRetried);
            await Task.Delay(random.Next(10, 100));
        }
    }

    private AppServer Pick(Random random, AppServer? except = null)
    {
        while (true)
        {
            var up = _servers.Where(s => s.IsUp && s != except).ToList();
            if (up.Count > 0) return up[random.Next(up.Count)];
            Thread.Sleep(50);
        }
    }

    private async Task<(int? Status, JsonNode? Body)> CallAsync(AppServer server, HttpMethod method, string path, JsonNode? json, string kind, int n, Guid subject)
    {
        try
        {
            using var request = server.Request(method, path, json is null ? null : JsonContent.Create(json));
            using var response = await server.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var body = status is >= 200 and < 300 && text.Length > 0 ? JsonNode.Parse(text) : null;
            if (kind == "start" && body?["id"] is { } id) subject = Guid.Parse((string)id!);
            _answers.Enqueue(new Answer(kind, n, subject, server.Index, status, status >= 400 ? text : null));
            return (status, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            _answers.Enqueue(new Answer(kind, n, subject, server.Index, null, ex.Message));
            return (null, null);
        }
    }

    private async Task<int> TaskStatusAsync(Guid taskId) =>
        await _db.ScalarAsync<int>("""SELECT "Status" FROM engine_tasks WHERE "Id" = @id""", ("id", taskId));

    private async Task<long> MessageReceivedAsync(Guid instanceId) =>
        await _db.ScalarAsync<long>("""
            SELECT count(*) FROM engine_history WHERE "InstanceId" = @id AND "ElementId" = 'payment-received' AND "Event" = 'message-received'
            """, ("id", instanceId));

    // --- the checks ---

    /// <summary>Every case ended where its review's decision leads, its tasks done once, its message taken once, its timer fired once.</summary>
    private async Task<int> ShouldHaveEndedEveryCaseAsItsInputsImplyAsync()
    {
        _cases.Count.ShouldBe(CaseCount);
        var ids = _cases.Values.Select(c => c.InstanceId).ToArray();
        var instances = await _db.QueryAsync("""SELECT "Id", "BusinessKey", "Status" FROM engine_instances WHERE "DefinitionKey" = @key""",
            r => (Id: r.GetGuid(0), Key: r.GetString(1), Status: r.GetInt32(2)), ("key", ModelKey));
        instances.Count.ShouldBe(CaseCount, "one instance per case: no start was applied twice");
        instances.Select(i => i.Id).Order().ShouldBe(ids.Order());
        instances.ShouldAllBe(i => i.Status == Completed);

        var history = (await _db.QueryAsync("""
                SELECT "InstanceId", "ElementId", "Event" FROM engine_history WHERE "InstanceId" = ANY(@ids) AND "ElementId" IS NOT NULL
                """, r => (Instance: r.GetGuid(0), Element: r.GetString(1), Event: r.GetString(2)), ("ids", ids)))
            .ToLookup(h => h.Instance);
        var tasks = (await _db.QueryAsync("""SELECT "InstanceId", "Id", "ElementId", "Status" FROM engine_tasks WHERE "InstanceId" = ANY(@ids)""",
            r => (Instance: r.GetGuid(0), Id: r.GetGuid(1), Element: r.GetString(2), Status: r.GetInt32(3)), ("ids", ids))).ToLookup(t => t.Instance);
        var timers = (await _db.QueryAsync("""SELECT "InstanceId", "ElementId", "Status" FROM engine_timers WHERE "InstanceId" = ANY(@ids)""",
            r => (Instance: r.GetGuid(0), Element: r.GetString(1), Status: r.GetInt32(2)), ("ids", ids))).ToLookup(t => t.Instance);

        var problems = new List<string>();
        var fired = 0;
        foreach (var expected in _cases.Values.OrderBy(c => c.BusinessKey))
        {
            var steps = history[expected.InstanceId].ToList();
            int Count(string element, string @event) => steps.Count(h => h.Element == element && h.Event == @event);
            var end = expected.Approve ? "approved" : "rejected";
            var other = expected.Approve ? "rejected" : "approved";
            if (!steps.Any(h => h.Element == end) || steps.Any(h => h.Element == other)) problems.Add($"{expected.BusinessKey}: did not end at {end}");
            if (Count("review", "completed") != 1 || Count("check", "completed") != 1) problems.Add($"{expected.BusinessKey}: a task completed other than once");
            if (Count("payment-received", "message-received") != 1) problems.Add($"{expected.BusinessKey}: the message was taken other than once");
            var caseTasks = tasks[expected.InstanceId].ToList();
            if (caseTasks.Count != 2 || caseTasks.Any(t => t.Status != Completed)) problems.Add($"{expected.BusinessKey}: tasks {caseTasks.Count}, not all completed");
            var caseTimers = timers[expected.InstanceId].ToList();
            var timerFired = Count("cool-off", "timer-fired");
            if (expected.Approve)
            {
                if (caseTimers.Count != 1 || caseTimers[0].Status != Completed || timerFired != 1)
                {
                    problems.Add($"{expected.BusinessKey}: {caseTimers.Count} timer(s), fired {timerFired} time(s)");
                }
                fired += timerFired;
            }
            else if (caseTimers.Count != 0 || timerFired != 0)
            {
                problems.Add($"{expected.BusinessKey}: rejected, yet {caseTimers.Count} timer(s)");
            }
        }
        problems.ShouldBeEmpty(string.Join('\n', problems.Take(40)));
        return fired;
    }

    private async Task<(int Due, int FiredAfterRestart)> ShouldHaveFiredTheTimersDueWhileDownAsync(DateTime killedAt, DateTime restartedAt)
    {
        var due = await _db.QueryAsync("""
            SELECT t."Status", t."FiredAt" FROM engine_timers t JOIN engine_instances i ON i."Id" = t."InstanceId"
            WHERE i."DefinitionKey" = @key AND t."DueAt" BETWEEN @from AND @to
            """, r => (Status: r.GetInt32(0), FiredAt: r.IsDBNull(1) ? (DateTime?)null : r.GetDateTime(1)),
            ("key", ModelKey), ("from", killedAt), ("to", restartedAt));
        due.ShouldAllBe(t => t.Status == Completed);
        return (due.Count, due.Count(t => t.FiredAt > restartedAt));
    }

    /// <summary>
    /// Timers that fell due and fired while every server was up fire within seconds (their Hangfire job), not at the next
    /// minutely sweep; the slack is for a loaded 2-core machine.
    /// </summary>
    private async Task<(double P50, double P95, double Max)> ShouldHaveFiredTimersOnTimeAsync(params (DateTime From, DateTime To)[] outages)
    {
        var timers = await _db.QueryAsync("""
            SELECT t."DueAt", t."FiredAt" FROM engine_timers t JOIN engine_instances i ON i."Id" = t."InstanceId"
            WHERE i."DefinitionKey" = @key AND t."Status" = 1
            """, r => (DueAt: r.GetDateTime(0), FiredAt: r.GetDateTime(1)), ("key", ModelKey));
        // Left out: timers pending across an outage (due before it ended, fired after it began): their job may have
        // been in the hands of a killed server, and a sweep fired them.
        var lateness = timers.Where(t => !outages.Any(o => t.DueAt <= o.To.AddSeconds(2) && t.FiredAt >= o.From))
            .Select(t => (t.FiredAt - t.DueAt).TotalSeconds).Order().ToList();
        if (lateness.Count == 0)
        {
            // A short run (APPROVALFLOW_SCALE_CASES) may have all its timers fall due while a server was down.
            CaseCount.ShouldBeLessThan(500, "with 1,000 cases most timers fall due while every server is up");
            return (double.NaN, double.NaN, double.NaN);
        }
        var result = (P50: lateness[lateness.Count / 2], P95: lateness[lateness.Count * 95 / 100], Max: lateness[^1]);
        result.Max.ShouldBeLessThan(20, $"timers fired late (median {result.P50:0.0} s, 95th percentile {result.P95:0.0} s)");
        return result;
    }

    /// <summary>Every request answered 2xx is in the database; no task was completed twice; no 5xx.</summary>
    private async Task ShouldHaveKeptEverySuccessAsync()
    {
        var answers = _answers.ToList();
        answers.Where(a => a.Status >= 500).Select(a => $"{a.Kind} case {a.Case} on server {a.Server}: {a.Status} {a.Problem}")
            .ShouldBeEmpty();
        var successes = answers.Where(a => a.Status is >= 200 and < 300).ToList();
        successes.Where(a => a.Kind == "complete").GroupBy(a => a.Subject).Where(g => g.Count() > 1)
            .Select(g => $"task {g.Key} of case {g.First().Case} completed {g.Count()} times").ShouldBeEmpty();

        var instances = (await _db.QueryAsync("""SELECT "Id" FROM engine_instances WHERE "DefinitionKey" = @key""", r => r.GetGuid(0), ("key", ModelKey))).ToHashSet();
        var completedTasks = (await _db.QueryAsync("""
            SELECT t."Id" FROM engine_tasks t JOIN engine_instances i ON i."Id" = t."InstanceId" WHERE i."DefinitionKey" = @key AND t."Status" = 1
            """, r => r.GetGuid(0), ("key", ModelKey))).ToHashSet();
        var messaged = (await _db.QueryAsync("""
            SELECT DISTINCT "InstanceId" FROM engine_history WHERE "ElementId" = 'payment-received' AND "Event" = 'message-received'
            """, r => r.GetGuid(0))).ToHashSet();
        var missing = successes.Where(a => a.Kind switch
        {
            "start" => !instances.Contains(a.Subject),
            "complete" => !completedTasks.Contains(a.Subject),
            "message" => !messaged.Contains(a.Subject),
            _ => false,
        }).Select(a => $"{a.Kind} case {a.Case} on server {a.Server}").ToList();
        missing.ShouldBeEmpty();
        output.WriteLine($"{successes.Count} successful requests, each found in the database; "
            + $"{answers.Count(a => a.Status is null)} unanswered (the kill), retried after reading the database");
    }

    private void ShouldHaveCleanLogs()
    {
        // PostgreSQL's deadlock and serialization failures as Npgsql prints them ("40P01: deadlock detected"), not a port 40001.
        string[] bad = ["] fail: ", "] crit: ", "Unhandled exception", "deadlock", "40P01:", "40001:"];
        var lines = _servers.SelectMany(s => s.Log())
            .Where(l => bad.Any(b => l.Contains(b, StringComparison.OrdinalIgnoreCase)) && !IsEfFirstMigrationNoise(l)).ToList();
        lines.ShouldBeEmpty(string.Join('\n', lines.Take(30)));
    }

    /// <summary>
    /// EF Core logs as an error its read of the migration history table before creating it on an empty database (known,
    /// dotnet/efcore#37328); the migration goes on. It can only appear once, on the server that migrated first.
    /// </summary>
    private static bool IsEfFirstMigrationNoise(string line) =>
        line.Contains("] fail: Microsoft.EntityFrameworkCore.Database.Command[20102]", StringComparison.Ordinal)
        && line.Contains("FROM \"__EFMigrationsHistory\"", StringComparison.Ordinal);

    private static async Task WaitForAsync(string what, TimeSpan timeout, Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"Waited {timeout} for {what}.");
            await Task.Delay(250);
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
