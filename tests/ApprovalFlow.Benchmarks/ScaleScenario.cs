using System.Diagnostics;
using System.Globalization;
using System.Text;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Chasing;
using ApprovalFlow.Web.Features.Counties;
using ApprovalFlow.Web.Features.Lights;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Features.Supervision;
using ApprovalFlow.Web.Identity;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ApprovalFlow.Benchmarks;

/// <summary>
/// A province's backlog: N cases of the pre-construction approval with five steps each (land, planning, eia, safety,
/// permit), spread over the 13 counties, five departments and a range of deadlines, bulk-loaded by set-based SQL into
/// a fresh PostgreSQL database that the web app (in this process) migrated. Then it times the supervision pages the
/// app serves, through the app's own query classes: the stalled-steps page with each filter, the county figures, one
/// department's task inbox (ListMyTasks), and the chase sweep with 1% of the open steps' deadlines passed.
/// </summary>
public static class ScaleScenario
{
    private static readonly string[] StepCodes = ["land", "planning", "eia", "safety", "permit"];
    private static readonly string[] StepDepartments = ["natural-resources", "natural-resources", "ecology-environment", "emergency-management", "housing-construction"];
    private const string InboxDepartment = "ecology-environment";

    /// <param name="SweepSeconds">The chase sweep stops after this long; its full time is then extrapolated from the rungs it chased.</param>
    /// <param name="Database">A named database: when it already holds this many cases it is reused (migrated, not reloaded) and kept.</param>
    public sealed record Settings(int Cases, string Store, string? Connection, int Samples, bool KeepDb, int SweepSeconds = 600, string? Database = null);

    public sealed record Result(double StalledP95Ms, double FiguresMs, double InboxP95Ms, double SweepMs, double RssMb, int Cases)
    {
        public string KeyValues() => string.Create(CultureInfo.InvariantCulture,
            $"stalled_p95_ms={StalledP95Ms:F1} figures_ms={FiguresMs:F1} inbox_p95_ms={InboxP95Ms:F1} sweep_ms={SweepMs:F1} rss_mb={RssMb:F0}");
    }

    public static Settings Read(Options o) => new(
        o.Int("cases", 1_000_000, min: 1),
        o.Choice("store", "postgres", "postgres", "sqlite"),
        o.String("connection"),
        o.Int("samples", 20, min: 1),
        o.Flag("keep-db"),
        o.Int("sweep-seconds", 600, min: 1),
        o.String("database"));

    public static async Task<int> RunAsync(Options options)
    {
        var settings = Read(options);
        options.RejectUnknown();
        var result = await MeasureAsync(settings, Console.Out);
        Console.WriteLine(result.KeyValues());
        return 0;
    }

    public static async Task<Result> MeasureAsync(Settings s, TextWriter o)
    {
        if (s.Store != "postgres")
            throw new OptionsException("scale: only --store postgres is implemented (the loader is set-based PostgreSQL SQL)");
        var server = s.Connection ?? Environment.GetEnvironmentVariable(BenchStore.PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new OptionsException($"--store postgres needs --connection or {BenchStore.PostgresVariable}");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = s.Database ?? $"af_scale_{Guid.NewGuid():N}", CommandTimeout = 3600 };
        var cs = builder.ConnectionString;
        var keep = s.KeepDb || s.Database is not null;
        var loaded = s.Database is not null && await CasesInAsync(cs) == s.Cases;

        await using var app = new BenchWebApp(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ApprovalFlow"] = cs,
            ["Hangfire:Enabled"] = "false",
        });
        try
        {
            app.Start(); // migrates the fresh database and deploys the shipped workflows
            o.WriteLine($"== scale: {s.Cases:N0} cases × 5 steps on PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} (migrated by the app)");

            if (loaded)
            {
                o.WriteLine($"  reusing the {s.Cases:N0} cases already loaded in {builder.Database}");
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                // What an earlier run's chase sweep wrote goes, so this sweep finds the same rungs due.
                await ExecuteAsync(db, "TRUNCATE chase_records, notifications, outbox_messages");
                await ExecuteAsync(db, "VACUUM ANALYZE");
            }
            else
            {
                var load = Stopwatch.StartNew();
                await LoadAsync(app.Services, s.Cases, o);
                o.WriteLine($"  loaded in {load.Elapsed.TotalSeconds:F1} s");
            }
            return await TimeAsync(app.Services, s, o);
        }
        finally
        {
            if (!keep)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                NpgsqlConnection.ClearAllPools();
                await db.Database.EnsureDeletedAsync();
            }
        }
    }

    // ---- loading -------------------------------------------------------------------------------------------------

    private static async Task LoadAsync(IServiceProvider services, int cases, TextWriter o)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var definition = await db.Database.SqlQueryRaw<DefinitionRow>(
                """SELECT "Id", "Version" FROM engine_definitions WHERE "Key" = {0} ORDER BY "Version" DESC LIMIT 1""", ShippedWorkflows.PreConstruction)
            .SingleAsync();
        var counties = HengshuiCounties.All.Select(c => c.Code).ToArray();
        var now = DateTime.UtcNow;
        var nowSql = $"timestamptz '{now:yyyy-MM-dd HH:mm:ss.ffffff}+00'";
        string Array(IEnumerable<string> items) => "(ARRAY[" + string.Join(",", items.Select(i => $"'{i}'")) + "])";
        var countyAt = Array(counties);
        var running = "(g % 10 < 7)"; // 70% of cases run, 30% have ended

        // A step's status from its number: completed cases' steps are approved; 1% of the running cases' steps are
        // under review and past their deadline (what the chase sweep must find); the others spread over the open
        // statuses, with deadlines far beyond the chase horizon.
        const string caseOfStep = "(g / 5)";
        var stepRunning = $"({caseOfStep} % 10 < 7)";
        var h = "(((g / 5)::bigint * 7919 + (g % 5) * 31) % 100)";
        // 1% of steps overdue and 2% quiet for weeks, spread evenly over the five steps (and so the departments).
        const string overdue = "((g / 5) % 100 = (g % 5) * 20)";
        const string quiet = "((g / 5) % 50 = (g % 5) * 10 + 1)";
        var status = $"""
            (CASE WHEN NOT {stepRunning} THEN 4
                  WHEN {overdue} THEN 1
                  WHEN {h} < 30 THEN 4 WHEN {h} < 45 THEN 0 WHEN {h} < 80 THEN 1 WHEN {h} < 92 THEN 2 WHEN {h} < 97 THEN 3 ELSE 8 END)
            """;
        var started = $"({nowSql} - make_interval(days => (({caseOfStep} * 7) % 180) + 1))";
        var caseStarted = $"({nowSql} - make_interval(days => ((g * 7) % 180) + 1))";

        var tables = new (string Table, string From, Dictionary<string, string> Columns)[]
        {
            ("enterprise_enterprises", "generate_series(0, 999) AS g", new()
            {
                ["Id"] = "md5('e' || g)::uuid",
                ["Name"] = "'Scale enterprise ' || g",
            }),
            ("project_projects", $"generate_series(0, {cases - 1}) AS g", new()
            {
                ["Id"] = "md5('p' || g)::uuid",
                ["Code"] = "'S' || lpad(g::text, 23, '0')",
                ["Name"] = "'Scale project ' || g",
                ["EnterpriseId"] = "md5('e' || (g % 1000))::uuid",
                ["CountyCode"] = $"{countyAt}[1 + g % {counties.Length}]",
                ["Industry"] = "'manufacturing'",
                ["TotalInvestment"] = "1000 + g % 5000",
                ["Kind"] = $"'{Enum.GetNames<ProjectKind>()[0]}'",
                ["List"] = $"'{Enum.GetNames<ProjectList>()[0]}'",
                ["PairedLeaderUserId"] = "'leader-' || (g % 50)",
                ["RegisteredAt"] = caseStarted,
                ["RegisteredBy"] = "'scale'",
            }),
            ("engine_instances", $"generate_series(0, {cases - 1}) AS g", new()
            {
                ["Id"] = "md5('i' || g)::uuid",
                ["DefinitionId"] = $"'{definition.Id}'::uuid",
                ["DefinitionKey"] = $"'{ShippedWorkflows.PreConstruction}'",
                ["DefinitionVersion"] = definition.Version.ToString(CultureInfo.InvariantCulture),
                ["Status"] = $"(CASE WHEN {running} THEN 0 ELSE 1 END)",
                ["StateJson"] = "'{\"tokens\":[],\"nextSeq\":0}'",
                ["VariablesJson"] = "'{}'",
                ["Revision"] = "1",
                ["StartedAt"] = caseStarted,
                ["EndedAt"] = $"(CASE WHEN {running} THEN NULL ELSE {nowSql} - make_interval(days => g % 30) END)",
            }),
            ("approval_cases", $"generate_series(0, {cases - 1}) AS g", new()
            {
                ["Id"] = "md5('c' || g)::uuid",
                ["ProjectId"] = "md5('p' || g)::uuid",
                ["EnterpriseId"] = "md5('e' || (g % 1000))::uuid",
                ["CountyCode"] = $"{countyAt}[1 + g % {counties.Length}]",
                ["Mode"] = "0",
                ["InstanceId"] = "md5('i' || g)::uuid",
                ["DefinitionKey"] = $"'{ShippedWorkflows.PreConstruction}'",
                ["DefinitionVersion"] = definition.Version.ToString(CultureInfo.InvariantCulture),
                ["Status"] = $"(CASE WHEN {running} THEN 0 ELSE 1 END)",
                ["StartedAt"] = caseStarted,
                ["StartedBy"] = "'scale'",
                ["EndedAt"] = $"(CASE WHEN {running} THEN NULL ELSE {nowSql} - make_interval(days => g % 30) END)",
            }),
            ("approval_steps", $"generate_series(0, {(long)cases * 5 - 1}) AS g", new()
            {
                ["Id"] = "md5('s' || g)::uuid",
                ["CaseId"] = $"md5('c' || {caseOfStep})::uuid",
                ["CountyCode"] = $"{countyAt}[1 + {caseOfStep} % {counties.Length}]",
                ["StepCode"] = $"{Array(StepCodes)}[1 + g % 5]",
                ["Name"] = $"{Array(StepCodes)}[1 + g % 5] || ' approval'",
                ["Department"] = $"{Array(StepDepartments)}[1 + g % 5]",
                ["TimeLimitDays"] = "20",
                ["Status"] = status,
                ["CreatedAt"] = started,
                ["AcceptedAt"] = $"(CASE WHEN {status} = 0 THEN NULL ELSE {started} + interval '1 day' END)",
                ["DueAt"] = $"""
                    (CASE WHEN {status} IN (0, 4) THEN NULL
                          WHEN {overdue} THEN {nowSql} - interval '2 days'
                          ELSE {nowSql} + make_interval(days => 60 + g % 60) END)
                    """,
                ["DecidedAt"] = $"(CASE WHEN {status} = 4 THEN {started} + interval '5 days' END)",
                ["EffectiveAt"] = $"(CASE WHEN {status} = 4 THEN {started} + interval '5 days' END)",
                ["LastActionAt"] = $"(CASE WHEN {status} = 4 THEN {started} + interval '5 days' WHEN {quiet} THEN {nowSql} - interval '20 days' ELSE {nowSql} - make_interval(days => g % 3) END)",
            }),
        };

        // Bulk-load the usual way: foreign-key triggers off for this session (the generated rows are consistent by
        // construction) and the secondary indexes dropped, then built once over the loaded rows.
        await ExecuteAsync(db, "SET session_replication_role = replica");
        var bulkTables = tables.Select(t => t.Table).Append("engine_tasks").ToArray();
        var indexes = await SecondaryIndexesAsync(db, bulkTables);
        foreach (var index in indexes) await ExecuteAsync(db, $"DROP INDEX \"{index.Name}\"");

        foreach (var (table, from, columns) in tables)
        {
            var sw = Stopwatch.StartNew();
            var sql = await InsertSqlAsync(db, table, from, columns, nowSql);
            var rows = await ExecuteAsync(db, sql);
            o.WriteLine($"  {table}: {rows:N0} rows in {sw.Elapsed.TotalSeconds:F1} s");
        }

        // One open task per open step of a running case, as the engine would hold it: the inbox reads these.
        var tasks = Stopwatch.StartNew();
        var taskColumns = new Dictionary<string, string>
        {
            ["Id"] = "md5('t' || s.\"Id\"::text)::uuid",
            ["InstanceId"] = "c.\"InstanceId\"",
            ["TokenId"] = "md5('k' || s.\"Id\"::text)::uuid",
            ["ElementId"] = "s.\"StepCode\" || (CASE s.\"Status\" WHEN 0 THEN 'Accept' WHEN 1 THEN 'Review' ELSE 'Decide' END)",
            ["Name"] = "s.\"Name\"",
            ["CandidateGroups"] = "',' || s.\"Department\" || ','",
            ["Status"] = "0",
            ["Delegation"] = "0",
            ["CreatedAt"] = "s.\"LastActionAt\"",
            ["DueAt"] = "s.\"DueAt\"",
        };
        var taskSql = await InsertSqlAsync(db, "engine_tasks",
            "approval_steps s JOIN approval_cases c ON c.\"Id\" = s.\"CaseId\" WHERE c.\"Status\" = 0 AND s.\"Status\" IN (0, 1, 2)", taskColumns, nowSql);
        var taskRows = await ExecuteAsync(db, taskSql);
        o.WriteLine($"  engine_tasks: {taskRows:N0} open tasks in {tasks.Elapsed.TotalSeconds:F1} s");

        var rebuild = Stopwatch.StartNew();
        foreach (var index in indexes) await ExecuteAsync(db, index.Definition);
        await ExecuteAsync(db, "SET session_replication_role = DEFAULT");
        o.WriteLine($"  {indexes.Count} secondary indexes built in {rebuild.Elapsed.TotalSeconds:F1} s");

        var analyze = Stopwatch.StartNew();
        await ExecuteAsync(db, "VACUUM ANALYZE");
        o.WriteLine($"  VACUUM ANALYZE in {analyze.Elapsed.TotalSeconds:F1} s");
    }

    private sealed record DefinitionRow(Guid Id, int Version);

    private sealed record IndexRow(string Name, string Definition);

    /// <summary>The indexes of the tables that no constraint owns (primary keys and unique constraints stay).</summary>
    private static async Task<List<IndexRow>> SecondaryIndexesAsync(AppDbContext db, string[] tables)
    {
        var rows = new List<IndexRow>();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """;
        command.Parameters.Add(new NpgsqlParameter("tables", tables));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(new IndexRow(reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    /// <summary>How many cases a database holds; -1 when it does not exist or was never loaded.</summary>
    private static async Task<long> CasesInAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM approval_cases", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (PostgresException)
        {
            return -1;
        }
    }

    /// <summary>Plain SQL on the context's connection (not EF's raw SQL, which reads braces as placeholders).</summary>
    private static async Task<int> ExecuteAsync(AppDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        return await command.ExecuteNonQueryAsync();
    }

    private sealed record ColumnRow(string column_name, string is_nullable, string? column_default, string data_type, int? character_maximum_length);

    /// <summary>
    /// INSERT … SELECT for every column of the table as the migrations made it: the given expressions, and for any
    /// other column that takes no NULL and has no default a neutral value, so that columns added later by others do
    /// not break the loader.
    /// </summary>
    private static async Task<string> InsertSqlAsync(AppDbContext db, string table, string from, Dictionary<string, string> given, string nowSql)
    {
        var columns = await db.Database.SqlQueryRaw<ColumnRow>(
                "SELECT column_name, is_nullable, column_default, data_type, character_maximum_length FROM information_schema.columns WHERE table_name = {0} AND table_schema = current_schema()",
                table)
            .ToListAsync();
        if (columns.Count == 0) throw new InvalidOperationException($"The migrated database has no table {table}.");
        var names = new List<string>();
        var values = new List<string>();
        foreach (var c in columns)
        {
            string? value = given.GetValueOrDefault(c.column_name);
            if (value is null)
            {
                if (c.is_nullable == "YES" || c.column_default is not null) continue;
                value = c.data_type switch
                {
                    "uuid" => $"md5('{table}.{c.column_name}' || random())::uuid",
                    "boolean" => "false",
                    "integer" or "bigint" or "smallint" or "numeric" or "double precision" or "real" => "0",
                    "timestamp with time zone" or "timestamp without time zone" => nowSql,
                    "date" => "current_date",
                    "bytea" => "'\\x'::bytea",
                    _ => c.character_maximum_length is { } max
                        ? $"left('{c.column_name[..Math.Min(3, c.column_name.Length)]}' || md5(random()::text), {max})"
                        : $"'{c.column_name}'",
                };
            }
            names.Add($"\"{c.column_name}\"");
            values.Add(value);
        }
        var missing = given.Keys.Except(columns.Select(c => c.column_name)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"{table} has no column(s) {string.Join(", ", missing)}.");
        return $"INSERT INTO {table} ({string.Join(", ", names)}) SELECT {string.Join(", ", values)} FROM {from}";
    }

    // ---- timing --------------------------------------------------------------------------------------------------

    private static async Task<Result> TimeAsync(IServiceProvider services, Settings s, TextWriter o)
    {
        var now = DateTime.UtcNow;
        var samples = s.Samples;

        // Stalled steps: the first page with each filter, supervisor's view (everything).
        var filters = new (string Name, StalledStepsFilter Filter)[]
        {
            ("none", new StalledStepsFilter()),
            ("county", new StalledStepsFilter(County: HengshuiCounties.All[3].Code)),
            ("department", new StalledStepsFilter(Department: "emergency-management")),
            ("step", new StalledStepsFilter(StepCode: "eia")),
            ("light red", new StalledStepsFilter(Light: Light.Red)),
            ("light yellow", new StalledStepsFilter(Light: Light.Yellow)),
            ("light green", new StalledStepsFilter(Light: Light.Green)),
            ("page 5", new StalledStepsFilter(Page: 5)),
        };
        var stalledAll = new LatencyRecorder();
        foreach (var (name, filter) in filters)
        {
            var one = new LatencyRecorder();
            var total = 0;
            for (var i = 0; i <= samples; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var query = scope.ServiceProvider.GetRequiredService<StalledStepsQuery>();
                var t0 = Stopwatch.GetTimestamp();
                var page = await query.RunAsync(SupervisionScope.All, filter, now, default);
                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                total = page.Total;
                if (i == 0) continue; // the first run of a shape compiles the query
                one.Add(ms);
                stalledAll.Add(ms);
            }
            o.WriteLine($"  stalled steps, filter {name,-13}: total {total,9:N0}; p50 {one.Percentile(50),8:F1} ms  p95 {one.Percentile(95),8:F1} ms");
        }

        // County figures for the current month.
        var figures = new LatencyRecorder();
        for (var i = 0; i <= Math.Min(samples, 5); i++)
        {
            await using var scope = services.CreateAsyncScope();
            var query = scope.ServiceProvider.GetRequiredService<SupervisionFiguresQuery>();
            var t0 = Stopwatch.GetTimestamp();
            var rows = await query.RunAsync(SupervisionScope.All, FigureGrouping.County, SupervisionPeriod.Month(DateOnly.FromDateTime(now)), now, default);
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (i == 0)
            {
                o.WriteLine($"  county figures: {rows.Length} rows");
                continue;
            }
            figures.Add(ms);
        }
        o.WriteLine($"  county figures: p50 {figures.Percentile(50):F1} ms  max {figures.Percentile(100):F1} ms");

        // One department's inbox, as its officer sees it.
        var officer = await OfficerAsync(services, InboxDepartment);
        var inbox = new LatencyRecorder();
        var inboxCount = 0;
        for (var i = 0; i <= samples; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var t0 = Stopwatch.GetTimestamp();
            var tasks = await sender.Send(new ListMyTasks(officer));
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            inboxCount = tasks.Length;
            if (i > 0) inbox.Add(ms);
        }
        o.WriteLine($"  inbox of {InboxDepartment}: {inboxCount} tasks; p50 {inbox.Percentile(50):F1} ms  p95 {inbox.Percentile(95):F1} ms");

        // The chase sweep, once, with 1% of the running cases' steps past their deadline. It sends one command per
        // batch of rungs due (Chasing:SweepBatchSize); past --sweep-seconds it is stopped and its full time extrapolated
        // from the rungs it recorded.
        long overdue;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            overdue = await db.Set<ApprovalStep>().LongCountAsync(x => x.DueAt != null && x.DueAt < now && ChaseLadder.ChasedStepStatuses.Contains(x.Status));
        }
        var sweep = services.GetRequiredService<ChaseSweep>();
        using var sweepLimit = new CancellationTokenSource(TimeSpan.FromSeconds(s.SweepSeconds));
        var s0 = Stopwatch.GetTimestamp();
        double sweepMs;
        try
        {
            var swept = await sweep.RunAsync(now, sweepLimit.Token);
            sweepMs = Stopwatch.GetElapsedTime(s0).TotalMilliseconds;
            o.WriteLine($"  chase sweep: {overdue:N0} steps overdue; {swept.Chased:N0} rungs chased, {swept.AlreadyChased:N0} already, {swept.NotDue:N0} not due, in {sweepMs:F0} ms");
        }
        catch (OperationCanceledException)
        {
            var spent = Stopwatch.GetElapsedTime(s0).TotalMilliseconds;
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var recorded = await db.Set<ChaseRecord>().LongCountAsync();
            // Every overdue step is due for two rungs (reminder and escalation), as the small runs show.
            sweepMs = recorded == 0 ? double.PositiveInfinity : spent * (overdue * 2.0) / recorded;
            o.WriteLine($"  chase sweep: {overdue:N0} steps overdue; STOPPED after {spent / 1000:F0} s with {recorded:N0} of ≈{overdue * 2:N0} rungs recorded; extrapolated {sweepMs / 1000:F0} s");
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var rss = process.WorkingSet64 / 1024.0 / 1024.0;
        o.WriteLine($"  app process RSS {rss:F0} MB (peak {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB); machine load average {MachineLoad.Read()}");
        return new Result(stalledAll.Percentile(95), figures.Percentile(50), inbox.Percentile(95), sweepMs, rss, s.Cases);
    }

    /// <summary>An officer of the department, created as an administrator would (a migrated server seeds no demo accounts).</summary>
    private static async Task<Actor> OfficerAsync(IServiceProvider services, string department)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"scale.officer.{department}@approvalflow.local";
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Department = department };
            var created = await users.CreateAsync(user, DemoAccount.Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, AppRoles.Officer);
        }
        return new Actor(user.Id, email, new HashSet<string> { AppRoles.Officer });
    }
}
