using System.Data.Common;
using System.Diagnostics;
using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Audit;

/// <summary>The audit chain on a real database; each provider's class says how to reach and tamper with it.</summary>
public abstract class AuditChainScenarios
{
    protected abstract Task<AuditTestApp> StartAppAsync();

    /// <summary>Wraps SQL so that it runs past the append-only triggers, as a database owner could.</summary>
    protected abstract string PastTheTriggers(string sql);

    /// <summary>What the command-line verb needs to find the same database.</summary>
    protected abstract IReadOnlyDictionary<string, string> CommandLineSettings(WebAppFactory factory);

    private static readonly System.Security.Claims.ClaimsPrincipal Officer =
        AuditPipeline.User("officer@approvalflow.local", AppRoles.Officer);

    [Fact]
    public async Task A_command_appends_an_entry_chained_to_the_one_before()
    {
        await using var app = await StartAppAsync();
        var admin = await app.Factory.ClientForAsync(Accounts.Admin);
        var before = await app.LastSequenceAsync();

        await app.PingAsync(admin, "first 第一");
        await app.PingAsync(admin, "second");

        var entries = await app.EntriesAsync();
        entries[0].Sequence.ShouldBe(1);
        entries[0].PreviousHash.ShouldBe(new string('0', 64));
        var first = entries.Single(e => e.Sequence == before + 1);
        var second = entries.Single(e => e.Sequence == before + 2);
        second.PreviousHash.ShouldBe(first.Hash);
        first.Hash.ShouldBe(AuditHash.Compute(first));
        first.Hash.ShouldMatch("^[0-9a-f]{64}$");
        first.Actor.ShouldBe(Accounts.Admin.Email);
        first.ActorRoles.ShouldBe(AppRoles.Administrator);
        first.Action.ShouldBe("Ping");
        first.SubjectType.ShouldBe("audit");
        first.SubjectId.ShouldBeNull();
        first.Outcome.ShouldBe(AuditOutcome.Succeeded);
        first.OutcomeMessage.ShouldBeNull();
        JsonNode.Parse(first.Data)!["note"]!.GetValue<string>().ShouldBe("first 第一");
        first.At.Kind.ShouldBe(DateTimeKind.Utc);
        (DateTime.UtcNow - first.At).ShouldBeLessThan(TimeSpan.FromMinutes(1));
        (await app.VerifyAsync()).ShouldSatisfyAllConditions(
            v => v.Intact.ShouldBeTrue(),
            v => v.Count.ShouldBe(before + 2),
            v => v.HeadSequence.ShouldBe(before + 2),
            v => v.HeadHash.ShouldBe(second.Hash));
    }

    [Fact]
    public async Task Fifty_commands_from_ten_concurrent_clients_make_one_gap_free_valid_chain()
    {
        await using var app = await StartAppAsync();
        var clients = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            clients.Add(await app.Factory.ClientForAsync(Accounts.Admin));
        }
        var before = await app.LastSequenceAsync();

        await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
        {
            for (var n = 0; n < 5; n++)
            {
                await app.PingAsync(client, $"client {c} ping {n}");
            }
        })));

        var entries = await app.EntriesAsync();
        entries.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, entries.Count).Select(i => (long)i));
        var mine = entries.Where(e => e.Sequence > before).ToList();
        mine.Count.ShouldBe(50);
        mine.Select(e => JsonNode.Parse(e.Data)!["note"]!.GetValue<string>()).Distinct().Count().ShouldBe(50);
        entries.Select(e => e.PreviousHash).Distinct().Count().ShouldBe(entries.Count, "no two entries chain onto the same one");
        var verification = await app.VerifyAsync();
        verification.Intact.ShouldBeTrue(verification.ToString());
        verification.Count.ShouldBe(before + 50);
    }

    [Fact]
    public async Task Editing_an_entry_in_the_database_is_reported_as_the_first_broken_link()
    {
        await using var app = await StartAppAsync();
        var admin = await app.Factory.ClientForAsync(Accounts.Admin);
        for (var i = 0; i < 5; i++)
        {
            await app.PingAsync(admin, $"ping {i}");
        }
        var edited = await app.LastSequenceAsync() - 2;

        await app.ExecuteSqlAsync(PastTheTriggers(
            $$"""UPDATE audit_log SET "Data" = '{"note":"ping 9"}' WHERE "Sequence" = {{edited}}"""));

        var verification = await app.VerifyAsync();
        verification.Intact.ShouldBeFalse();
        verification.Count.ShouldBe(edited - 1);
        verification.FirstBrokenLink.ShouldNotBeNull();
        verification.FirstBrokenLink.Sequence.ShouldBe(edited);
        verification.FirstBrokenLink.Problem.ShouldBe(AuditChainProblem.HashMismatch);
    }

    [Fact]
    public async Task Re_hashing_an_edited_entry_still_breaks_the_link_to_the_next()
    {
        await using var app = await StartAppAsync();
        var admin = await app.Factory.ClientForAsync(Accounts.Admin);
        for (var i = 0; i < 3; i++)
        {
            await app.PingAsync(admin, $"ping {i}");
        }
        var entries = await app.EntriesAsync();
        var edited = entries[^2];
        var forgedHash = new string('a', 64);

        await app.ExecuteSqlAsync(PastTheTriggers(
            $"""UPDATE audit_log SET "Hash" = '{forgedHash}' WHERE "Sequence" = {edited.Sequence}"""));

        var verification = await app.VerifyAsync();
        verification.FirstBrokenLink!.Sequence.ShouldBe(edited.Sequence);
        verification.FirstBrokenLink.Problem.ShouldBe(AuditChainProblem.HashMismatch);
    }

    [Fact]
    public async Task Deleting_an_entry_is_reported_as_a_gap()
    {
        await using var app = await StartAppAsync();
        var admin = await app.Factory.ClientForAsync(Accounts.Admin);
        for (var i = 0; i < 4; i++)
        {
            await app.PingAsync(admin, $"ping {i}");
        }
        var deleted = await app.LastSequenceAsync() - 1;

        await app.ExecuteSqlAsync(PastTheTriggers($"""DELETE FROM audit_log WHERE "Sequence" = {deleted}"""));

        var verification = await app.VerifyAsync();
        verification.Intact.ShouldBeFalse();
        verification.FirstBrokenLink!.Sequence.ShouldBe(deleted);
        verification.FirstBrokenLink.Problem.ShouldBe(AuditChainProblem.Gap);
        verification.Count.ShouldBe(deleted - 1);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_an_entry()
    {
        await using var app = await StartAppAsync();
        var admin = await app.Factory.ClientForAsync(Accounts.Admin);
        await app.PingAsync(admin, "kept");
        var last = await app.LastSequenceAsync();

        var update = await Should.ThrowAsync<DbException>(() =>
            app.ExecuteSqlAsync($"""UPDATE audit_log SET "Actor" = 'someone else' WHERE "Sequence" = {last}"""));
        update.Message.ShouldContain("append-only");
        var delete = await Should.ThrowAsync<DbException>(() =>
            app.ExecuteSqlAsync($"""DELETE FROM audit_log WHERE "Sequence" = {last}"""));
        delete.Message.ShouldContain("append-only");

        (await app.EntriesAsync()).Single(e => e.Sequence == last).Actor.ShouldBe(Accounts.Admin.Email);
        (await app.VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_refused_command_leaves_a_refused_entry_and_none_of_its_work()
    {
        await using var app = await StartAppAsync();
        var role = "audit-refused-" + Guid.NewGuid().ToString("N");

        await Should.ThrowAsync<TaskNotOpenException>(() => AuditPipeline.SendAsync<GrantRoleCommand, Unit>(
            app.Services,
            new GrantRoleCommand(role, "hunter2", "tok-123", "private"),
            Officer,
            async (command, services, ct) =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                db.Add(new IdentityRole(command.RoleName));
                await db.SaveChangesAsync(ct);
                throw new TaskNotOpenException(Guid.Empty, "completed");
            }));

        var entry = (await app.EntriesAsync())[^1];
        entry.Outcome.ShouldBe(AuditOutcome.Refused);
        entry.OutcomeMessage!.ShouldContain("is no longer open");
        entry.Action.ShouldBe("GrantRole");
        entry.SubjectType.ShouldBe("role");
        entry.SubjectId.ShouldBe(role);
        entry.Actor.ShouldBe("officer@approvalflow.local");
        entry.ActorRoles.ShouldBe(AppRoles.Officer);
        entry.Data.ShouldNotContain("hunter2");
        entry.Data.ShouldNotContain("tok-123");
        entry.Data.ShouldNotContain("private");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<IdentityRole>();
            (await roles.AnyAsync(r => r.Name == role)).ShouldBeFalse("the refused command's work was rolled back");
        }
        (await app.VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_succeeded_command_commits_its_work_with_its_entry()
    {
        await using var app = await StartAppAsync();
        var role = "audit-granted-" + Guid.NewGuid().ToString("N");

        await AuditPipeline.SendAsync(
            app.Services,
            new GrantRoleCommand(role, "hunter2", null, null, new Dictionary<string, string> { ["color"] = "red", ["db-password"] = "x" }),
            Officer,
            (command, services, _) =>
            {
                services.GetRequiredService<AppDbContext>().Add(new IdentityRole(command.RoleName));
                return ValueTask.FromResult(Unit.Value);
            });

        var entry = (await app.EntriesAsync())[^1];
        entry.Outcome.ShouldBe(AuditOutcome.Succeeded);
        var data = JsonNode.Parse(entry.Data)!.AsObject();
        data["roleName"]!.GetValue<string>().ShouldBe(role);
        data["password"]!.GetValue<string>().ShouldBe(AuditData.Masked);
        data["settings"]!["color"]!.GetValue<string>().ShouldBe("red");
        data["settings"]!["db-password"]!.GetValue<string>().ShouldBe(AuditData.Masked);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<IdentityRole>().AnyAsync(r => r.Name == role)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_refusal_returned_by_the_handler_is_recorded_as_refused()
    {
        await using var app = await StartAppAsync();

        var answer = await AuditPipeline.SendAsync(
            app.Services,
            new CheckNameCommand("taken"),
            Officer,
            (_, _, _) => ValueTask.FromResult(new CheckedAnswer(null, new CheckedRefusal(409, "The name 'taken' is already registered."))));

        answer.Refusal.ShouldNotBeNull();
        var entry = (await app.EntriesAsync())[^1];
        entry.Action.ShouldBe("CheckName");
        entry.SubjectType.ShouldBeNull();
        entry.Outcome.ShouldBe(AuditOutcome.Refused);
        entry.OutcomeMessage.ShouldBe("The name 'taken' is already registered.");
        (await app.VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unexpected_error_is_recorded_as_failed_without_its_message()
    {
        await using var app = await StartAppAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => AuditPipeline.SendAsync<TidyUpCommand, Unit>(
            app.Services, new TidyUpCommand(3), user: null,
            (_, _, _) => throw new InvalidOperationException("Host=db.internal;Password=swordfish")));

        var entry = (await app.EntriesAsync())[^1];
        entry.Action.ShouldBe("TidyUp");
        entry.Actor.ShouldBe("system");
        entry.Outcome.ShouldBe(AuditOutcome.Failed);
        entry.OutcomeMessage.ShouldBe("Unexpected System.InvalidOperationException.");
        (await app.VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_command_sent_from_a_handler_is_chained_in_the_outer_transaction()
    {
        await using var app = await StartAppAsync();
        var before = await app.LastSequenceAsync();

        await AuditPipeline.SendAsync(app.Services, new TidyUpCommand(1), Officer, async (_, services, ct) =>
        {
            var inner = AuditPipeline.Within<GrantRoleCommand, Unit>(services, (c, s, _) =>
            {
                s.GetRequiredService<AppDbContext>().Add(new IdentityRole(c.RoleName));
                return ValueTask.FromResult(Unit.Value);
            });
            return await inner(new GrantRoleCommand("audit-inner-" + Guid.NewGuid().ToString("N"), "pw", null, null), ct);
        });

        var mine = (await app.EntriesAsync()).Where(e => e.Sequence > before).ToList();
        mine.Select(e => e.Action).ShouldBe(["GrantRole", "TidyUp"]);
        mine.ShouldAllBe(e => e.Outcome == AuditOutcome.Succeeded);
        (await app.VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task The_verify_audit_verb_exits_0_when_intact_and_1_naming_the_link_after_tampering()
    {
        await using var app = await StartAppAsync();
        var admin = await app.Factory.ClientForAsync(Accounts.Admin);
        for (var i = 0; i < 3; i++)
        {
            await app.PingAsync(admin, $"ping {i}");
        }
        var edited = await app.LastSequenceAsync() - 1;

        var intact = await RunVerbAsync(CommandLineSettings(app.Factory));
        intact.ExitCode.ShouldBe(0, intact.Output);
        intact.Output.ShouldContain("intact");

        await app.ExecuteSqlAsync(PastTheTriggers(
            $"""UPDATE audit_log SET "Actor" = 'nobody@approvalflow.local' WHERE "Sequence" = {edited}"""));

        var broken = await RunVerbAsync(CommandLineSettings(app.Factory));
        broken.ExitCode.ShouldBe(1, broken.Output);
        broken.Output.ShouldContain($"sequence {edited}");
        broken.Output.ShouldContain(nameof(AuditChainProblem.HashMismatch));
    }

    private static async Task<(int ExitCode, string Output)> RunVerbAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ApprovalFlow.Web.dll"), AuditCommandLine.Verb },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
