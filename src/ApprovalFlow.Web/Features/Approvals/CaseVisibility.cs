using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

public static class CaseVisibility
{
    /// <summary>
    /// The cases a caller may see: an enterprise its own; an officer those with a step of its department or whose
    /// model gives it a task (the one window, the start-conditions check); supervisors, paired leaders and administrators all.
    /// A case the caller may not see reads as missing.
    /// </summary>
    public static async Task<IQueryable<ApprovalCase>> CasesVisibleToAsync(this AppDbContext db, WorkflowEngine engine, Actor actor,
        CancellationToken ct)
    {
        var cases = db.Set<ApprovalCase>().AsQueryable();
        if (actor.IsAdministrator || actor.Roles.Contains(AppRoles.Supervisor) || actor.Roles.Contains(AppRoles.PairedLeader))
        {
            return cases;
        }
        if (actor.Roles.Contains(AppRoles.Officer) && await CaseTaskAccess.DepartmentOfAsync(db, actor, ct) is { } department)
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
            return cases.Where(c => c.Steps.Any(s => s.Department == department) || keys.Contains(c.DefinitionKey));
        }
        var own = actor.Roles.Contains(AppRoles.Enterprise) ? await db.EnterpriseOfAsync(actor.UserId, ct) : null;
        return own is { } enterpriseId ? cases.Where(c => c.EnterpriseId == enterpriseId) : cases.Where(c => false);
    }
}
