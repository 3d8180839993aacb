using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Operations;
using ApprovalFlow.Web.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ApprovalFlow.Web.Tests.Backup;

/// <summary>Ids and contents of the rows a restore must keep, read from one app's database.</summary>
public sealed record DataSet(
    HashSet<Guid> Cases,
    HashSet<Guid> Instances,
    Dictionary<Guid, HumanTaskStatus> Tasks,
    Dictionary<Guid, string> AttachmentHashes,
    Dictionary<long, string> AuditHashes)
{
    public static async Task<DataSet> ReadAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var attachments = await db.Set<TaskAttachmentRecord>().AsNoTracking().Select(a => new { a.Id, a.Content }).ToListAsync();
        return new DataSet(
            (await db.Set<ApprovalCase>().AsNoTracking().Select(c => c.Id).ToListAsync()).ToHashSet(),
            (await db.Set<ProcessInstanceRecord>().AsNoTracking().Select(i => i.Id).ToListAsync()).ToHashSet(),
            await db.Set<HumanTaskRecord>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Status),
            attachments.ToDictionary(a => a.Id, a => Convert.ToHexString(SHA256.HashData(a.Content))),
            await db.Set<AuditEntry>().AsNoTracking().ToDictionaryAsync(e => e.Sequence, e => e.Hash));
    }

    public override string ToString() =>
        $"{Cases.Count} cases, {Instances.Count} instances, {Tasks.Count} tasks, {AttachmentHashes.Count} attachments, {AuditHashes.Count} audit entries";
}

/// <summary>
/// Backup and restore while the app keeps writing: a data set of approval cases and engine cases with open and done tasks,
/// an attachment and their audit entries; a backup taken during a stream of further writes; a restore into a fresh
/// database, on which the app starts and serves. Everything that existed when the backup began is there, unchanged
/// (attachment bytes, audit hashes), nothing is there that never existed, and the audit chain verifies.
/// </summary>
public abstract class BackupRestoreScenarios(ITestOutputHelper output)
{
    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Takes the backup of the running app's database into a fresh place and returns a factory for an app on the restored copy.</summary>
    protected abstract Task<WebAppFactory> BackupAndRestoreAsync(WebAppFactory source);

    protected async Task RunAsync(WebAppFactory source)
    {
        var watch = Stopwatch.StartNew();
        var admin = await source.ClientForAsync(Accounts.Admin);
        var key = OperationModels.NewKey("backup");
        await admin.DeployModelAsync(OperationModels.SingleReview(key));
        var instances = new List<Guid>();
        for (var i = 0; i < 6; i++) instances.Add(await admin.StartAsync(key, $"backup-{i}"));
        for (var i = 0; i < 3; i++)
        {
            var task = await admin.OpenTaskIdAsync(instances[i], "review");
            (await admin.PostAsJsonAsync($"/api/tasks/{task}/complete", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var openTask = await admin.OpenTaskIdAsync(instances[4], "review");
        using (var form = SecurityWorld.PdfUpload("backup-scan.pdf"))
            await (await admin.PostAsync($"/api/tasks/{openTask}/attachments", form)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var world = await ApprovalWorld.CreateAsync(source);
        var approvalCase = await world.StartAsync();
        approvalCase = await world.RegisterAsync(approvalCase);
        var caseId = approvalCase["id"]!.GetValue<Guid>();
        var built = watch.Elapsed;

        var before = await DataSet.ReadAsync(source);
        before.Cases.ShouldContain(caseId);
        before.Tasks.Values.ShouldContain(HumanTaskStatus.Completed);
        before.Tasks.Values.ShouldContain(HumanTaskStatus.Open);
        before.AttachmentHashes.ShouldNotBeEmpty();

        // Writes go on during the backup: cases start and tasks are completed until it is done.
        using var stop = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var id = await admin.StartAsync(key, $"during-{writes}");
                var task = await admin.OpenTaskIdAsync(id, "review");
                (await admin.PostAsJsonAsync($"/api/tasks/{task}/complete", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
                writes++;
            }
        });
        await Task.Delay(300);
        var backupWatch = Stopwatch.StartNew();
        WebAppFactory restored;
        try
        {
            restored = await BackupAndRestoreAsync(source);
        }
        finally
        {
            await stop.CancelAsync();
        }
        await writer;
        var backupTook = backupWatch.Elapsed;
        var after = await DataSet.ReadAsync(source);

        await using (restored)
        {
            var copy = await DataSet.ReadAsync(restored);
            Output.WriteLine($"data set {before} built in {built.TotalSeconds:0.0} s; {writes} write rounds went on during the backup and restore " +
                $"({backupTook.TotalSeconds:0.0} s); restored copy: {copy}; source afterwards: {after}");

            // Everything there at the start of the backup is in the copy, unchanged.
            copy.Cases.IsSupersetOf(before.Cases).ShouldBeTrue();
            copy.Instances.IsSupersetOf(before.Instances).ShouldBeTrue();
            // The writer touches only cases it started itself: the data set's tasks keep their state, open or done.
            foreach (var (id, status) in before.Tasks) copy.Tasks[id].ShouldBe(status);
            foreach (var (id, hash) in before.AttachmentHashes) copy.AttachmentHashes[id].ShouldBe(hash);
            foreach (var (sequence, hash) in before.AuditHashes) copy.AuditHashes[sequence].ShouldBe(hash);
            // Nothing in the copy that the source never had: one consistent moment between the two readings.
            after.Cases.IsSupersetOf(copy.Cases).ShouldBeTrue();
            after.Instances.IsSupersetOf(copy.Instances).ShouldBeTrue();
            foreach (var (sequence, hash) in copy.AuditHashes) after.AuditHashes[sequence].ShouldBe(hash);
            foreach (var id in copy.Tasks.Keys) after.Tasks.ShouldContainKey(id);

            await using (var scope = restored.Services.CreateAsyncScope())
            {
                var verification = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
                verification.Intact.ShouldBeTrue(verification.ToString());
                verification.Count.ShouldBe(copy.AuditHashes.Count);
            }

            // The restored app serves the case, its tasks and the attachment's bytes.
            var restoredAdmin = await restored.ClientForAsync(Accounts.Admin);
            var served = await ApprovalWorld.GetCaseAsync(restoredAdmin, caseId);
            served["id"]!.GetValue<Guid>().ShouldBe(caseId);
            (await restoredAdmin.GetJsonArrayAsync($"/api/tasks/{openTask}/attachments")).ShouldHaveSingleItem();
            var attachmentId = before.AttachmentHashes.Keys.Single();
            var bytes = await restoredAdmin.GetByteArrayAsync($"/api/attachments/{attachmentId}");
            Convert.ToHexString(SHA256.HashData(bytes)).ShouldBe(before.AttachmentHashes[attachmentId]);
            // And goes on: the open task of the data set completes on the restored copy.
            (await restoredAdmin.PostAsJsonAsync($"/api/tasks/{openTask}/complete", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}

/// <summary>An app on a database that is already there (a restored copy); the data folder is the factory's own.</summary>
public sealed class RestoredWebAppFactory(string provider, string? connectionString) : WebAppFactory
{
    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", provider);
        if (connectionString is not null) builder.UseSetting("ConnectionStrings:ApprovalFlow", connectionString);
        if (provider == "Sqlite") builder.UseSetting("ApprovalFlow:DemoAccounts", "true");
    }
}
