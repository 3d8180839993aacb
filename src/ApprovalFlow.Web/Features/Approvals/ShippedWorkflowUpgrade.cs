using ApprovalFlow.Engine;
using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// Brings a database's shipped models up to the files of this release (ADR 0010). The newest version of a shipped key
/// that the app itself deployed (by <see cref="ShippedWorkflows.Deployer"/>) and that differs from the file is replaced
/// by the file as a new version, and the running cases of the older shipped versions move to it through the engine's
/// migration, each case on its own: a case that cannot move (e.g. a virtual approval waiting at a join the new version
/// no longer has) stays on its version, which still runs it. A version published from the designer is never touched.
/// A model from before the approval roles first goes through its roles-only edition (workflows/legacy), so that every
/// running case ends on a model whose roles the domain reads.
/// </summary>
public sealed class ShippedWorkflowUpgrade(WorkflowEngine engine, AppDbContext db, ILogger<ShippedWorkflowUpgrade> logger)
{
    /// <summary>
    /// The roles editions of shipped models (workflows/legacy), each with a file of the element and flow renames from
    /// that edition to the current file (the steps became sub-processes, whose flows into the join were renamed).
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string File, string Renames)> Legacy =
        new Dictionary<string, (string, string)>
        {
            [ShippedWorkflows.PreConstruction] = ("legacy/pre-construction-approval-flat.bpmn", "legacy/pre-construction-approval-flat.renames.json"),
        };

    private static async Task<IReadOnlyDictionary<string, string>> RenamesAsync(string folder, string file, CancellationToken ct)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path)) return new Dictionary<string, string>();
        await using var stream = File.OpenRead(path);
        var document = await System.Text.Json.JsonDocument.ParseAsync(stream, cancellationToken: ct);
        return document.RootElement.GetProperty("renames").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    public async Task UpgradeAsync(string key, string folder, CancellationToken ct)
    {
        var file = Path.Combine(folder, key + ".bpmn");
        if (!File.Exists(file)) return;
        var versions = (await engine.ListDefinitionsAsync(ct)).Where(d => d.Key == key).OrderBy(d => d.Version).ToList();
        if (versions.Count == 0) return;
        var newest = versions[^1];
        var shipped = await File.ReadAllTextAsync(file, ct);
        var newestRow = await db.Set<ProcessDefinitionRecord>().AsNoTracking().Where(d => d.Id == newest.Id)
            .Select(d => new { d.Xml, d.DeployedBy }).SingleAsync(ct);
        if (newestRow.DeployedBy != ShippedWorkflows.Deployer || newestRow.Xml == shipped) return;

        var hasLegacy = Legacy.TryGetValue(key, out var legacy);
        if (hasLegacy && !(await CaseModel.LoadAsync(engine, newest.Id, ct)).IsApprovalModel && File.Exists(Path.Combine(folder, legacy.File)))
        {
            // Before the roles: first the same model with its roles, which every running case can move to unchanged.
            var roles = await engine.DeployAsync(await File.ReadAllBytesAsync(Path.Combine(folder, legacy.File), ct), ShippedWorkflows.Deployer, ct);
            await MoveCasesAsync(key, versions, roles, new Dictionary<string, string>(), ct);
            versions.Add(roles);
        }
        var mapping = hasLegacy ? await RenamesAsync(folder, legacy.Renames, ct) : new Dictionary<string, string>();
        var current = await engine.DeployAsync(System.Text.Encoding.UTF8.GetBytes(shipped), ShippedWorkflows.Deployer, ct);
        var (moved, stayed) = await MoveCasesAsync(key, versions, current, mapping, ct);
        logger.LogInformation("Shipped workflow {Key} upgraded to version {Version}: {Migrated} running case(s) moved, {Stayed} stay on their version",
            key, current.Version, moved, stayed);
    }

    /// <summary>Moves the running cases of every older version to <paramref name="to"/>, case by case; returns (moved, stayed).</summary>
    private async Task<(int Moved, int Stayed)> MoveCasesAsync(string key, IReadOnlyList<DeployedDefinition> older, DeployedDefinition to,
        IReadOnlyDictionary<string, string> mapping, CancellationToken ct)
    {
        int moved = 0, stayed = 0;
        foreach (var from in older.Where(v => v.Version < to.Version))
        {
            var running = await db.Set<ProcessInstanceRecord>().AsNoTracking()
                .Where(i => i.DefinitionId == from.Id && i.Status == InstanceStatus.Running).Select(i => i.Id).ToListAsync(ct);
            foreach (var instance in running)
            {
                try
                {
                    // Only the mapping entries the source version has apply (a flow rename means nothing to another edition).
                    moved += (await engine.MigrateInstancesAsync(key, from.Version, to.Version, mapping, [instance], ShippedWorkflows.Deployer, ct)).Migrated;
                }
                catch (MigrationRefusedException refused)
                {
                    stayed++;
                    logger.LogInformation("Case instance {Instance} stays on {Key} v{Version}: {Reason}", instance, key, from.Version, refused.Message);
                }
            }
        }
        return (moved, stayed);
    }
}
