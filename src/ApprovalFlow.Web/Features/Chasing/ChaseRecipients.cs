using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>Who each rung reaches: found by role and department (or enterprise, or project) when the chase fires.</summary>
public sealed class ChaseRecipients(AppDbContext db)
{
    /// <summary>
    /// Whoever must act on the work: the assignees of the instance's open tasks for that candidate group, or else every
    /// officer of the department.
    /// </summary>
    public async Task<IReadOnlyList<Recipient>> ActorsAsync(Guid instanceId, string department, Guid? onlyTask, CancellationToken ct)
    {
        var tasks = await db.Set<HumanTaskRecord>().AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.Status == HumanTaskStatus.Open && t.Assignee != null)
            .Select(t => new { t.Id, t.CandidateGroups, t.Assignee })
            .ToListAsync(ct);
        var assignees = tasks
            .Where(t => onlyTask is null ? (t.CandidateGroups ?? "").Split(',').Contains(department) : t.Id == onlyTask)
            .Select(t => t.Assignee!).Distinct().ToList();
        if (assignees.Count > 0)
        {
            var users = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Email!) || assignees.Contains(u.UserName!))
                .Select(u => new Recipient(u.Id, u.Email)).ToListAsync(ct);
            if (users.Count > 0) return users;
        }
        return await InRoleAsync(AppRoles.Officer, department, ct);
    }

    public Task<List<Recipient>> HeadsOfAsync(string department, CancellationToken ct) =>
        InRoleAsync(AppRoles.DepartmentHead, department, ct);

    public async Task<IReadOnlyList<Recipient>> LeaderAndSupervisorsAsync(Guid projectId, CancellationToken ct)
    {
        var leaderId = await db.Set<Project>().Where(p => p.Id == projectId).Select(p => p.PairedLeaderUserId).SingleOrDefaultAsync(ct);
        var recipients = await InRoleAsync(AppRoles.Supervisor, null, ct);
        if (leaderId is not null && recipients.All(r => r.UserId != leaderId))
        {
            recipients.AddRange(await db.Users.AsNoTracking().Where(u => u.Id == leaderId).Select(u => new Recipient(u.Id, u.Email)).ToListAsync(ct));
        }
        return recipients;
    }

    public Task<List<Recipient>> EnterpriseUsersAsync(Guid enterpriseId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.EnterpriseId == enterpriseId).OrderBy(u => u.Id)
            .Select(u => new Recipient(u.Id, u.Email)).ToListAsync(ct);

    private Task<List<Recipient>> InRoleAsync(string role, string? department, CancellationToken ct) =>
        (from user in db.Users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join r in db.Roles on userRole.RoleId equals r.Id
         where r.Name == role && (department == null || user.Department == department)
         orderby user.Id
         select new Recipient(user.Id, user.Email)).AsNoTracking().ToListAsync(ct);
}
