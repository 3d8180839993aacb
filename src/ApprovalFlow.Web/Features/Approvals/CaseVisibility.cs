using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Access;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

public static class CaseVisibility
{
    /// <summary>
    /// The cases a caller may see (docs/security.md): an enterprise its own; an officer those of its county (all for
    /// city-level officers) with a step of its department or whose model gives it a task (the one window, the
    /// start-conditions check); a paired leader those of the projects it leads; supervisors and administrators all.
    /// Department, county and enterprise come from the database. A case the caller may not see reads as missing.
    /// </summary>
    public static async Task<IQueryable<ApprovalCase>> CasesVisibleToAsync(this AppDbContext db, WorkflowEngine engine, Actor actor,
        CancellationToken ct)
    {
        var cases = db.Set<ApprovalCase>().AsQueryable();
        var caller = await CallerScope.LoadAsync(db, actor, ct);
        if (caller.IsAdministrator || caller.Is(AppRoles.Supervisor))
        {
            return cases;
        }
        if (caller.OfficerDepartment is { } department)
        {
            // The one window and development and reform have no step of their own but tasks in every case of the model.
            var keys = new List<string>();
            foreach (var definition in await engine.ListDefinitionsAsync(ct))
            {
                if (keys.Contains(definition.Key)) continue;
                var elements = await engine.GetElementsAsync(definition.Id, ct);
                if (elements.Any(e => e.ElementType == "userTask" && e.Extensions.GetValueOrDefault("department") == department
                    && !e.Extensions.ContainsKey("toleratedGap")))
                {
                    keys.Add(definition.Key);
                }
            }
            var ofDepartment = cases.Where(c => c.Steps.Any(s => s.Department == department) || keys.Contains(c.DefinitionKey));
            return caller.County is { Length: > 0 } county ? ofDepartment.Where(c => c.CountyCode == county) : ofDepartment;
        }
        if (caller.Is(AppRoles.PairedLeader))
        {
            var led = db.Set<Project>().Where(p => p.PairedLeaderUserId == actor.UserId).Select(p => p.Id);
            return cases.Where(c => led.Contains(c.ProjectId));
        }
        return caller.OwnEnterprise is { } enterpriseId ? cases.Where(c => c.EnterpriseId == enterpriseId) : cases.Where(c => false);
    }
}
