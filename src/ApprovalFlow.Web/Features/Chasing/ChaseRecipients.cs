using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Notifications;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Chasing;

/// <summary>Who a rung reaches, found by role and department (or enterprise, or project) when the chase fires.</summary>
public abstract record ChaseAudience;

/// <summary>
/// Whoever must act on the work: the assignees of the instance's open tasks for that candidate group (or only of
/// <paramref name="OnlyTask"/>), or else every officer of the department.
/// </summary>
public sealed record ActorsOfWork(Guid InstanceId, string Department, Guid? OnlyTask) : ChaseAudience;

/// <summary>The department's heads (role <c>DepartmentHead</c>).</summary>
public sealed record HeadsOfDepartment(string Department) : ChaseAudience;

/// <summary>Every supervisor, and the project's paired leader when it has one.</summary>
public sealed record LeaderAndSupervisors(string? LeaderUserId) : ChaseAudience;

/// <summary>The enterprise's users (a tolerated gap is the enterprise's to close).</summary>
public sealed record EnterpriseUsers(Guid EnterpriseId) : ChaseAudience;

/// <summary>
/// Resolves the audiences of a whole batch of rungs together: one set-based query per kind of audience (open tasks of
/// the instances, their assignees, officers and heads of the departments, supervisors, leaders, enterprise users),
/// whatever the number of rungs.
/// </summary>
public sealed class ChaseRecipients(AppDbContext db)
{
    public async Task<IReadOnlyDictionary<ChaseAudience, IReadOnlyList<Recipient>>> ResolveAsync(
        IEnumerable<ChaseAudience> audiences, CancellationToken ct)
    {
        var wanted = audiences.Distinct().ToList();
        var resolved = new Dictionary<ChaseAudience, IReadOnlyList<Recipient>>();

        var actors = wanted.OfType<ActorsOfWork>().ToList();
        var assigned = await AssigneesAsync(actors, ct);
        var officers = await InRoleByDepartmentAsync(AppRoles.Officer,
            actors.Where(a => assigned[a].Count == 0).Select(a => a.Department), ct);
        foreach (var audience in actors)
        {
            resolved[audience] = assigned[audience].Count > 0 ? assigned[audience] : officers[audience.Department].ToList();
        }

        var heads = await InRoleByDepartmentAsync(AppRoles.DepartmentHead, wanted.OfType<HeadsOfDepartment>().Select(h => h.Department), ct);
        foreach (var audience in wanted.OfType<HeadsOfDepartment>()) resolved[audience] = heads[audience.Department].ToList();

        var escalations = wanted.OfType<LeaderAndSupervisors>().ToList();
        if (escalations.Count > 0)
        {
            var supervisors = await InRoleByDepartmentAsync(AppRoles.Supervisor, null, ct);
            var leaderIds = escalations.Select(e => e.LeaderUserId).OfType<string>().ToList();
            var leaders = await db.Users.AsNoTracking().Where(u => leaderIds.Contains(u.Id))
                .Select(u => new Recipient(u.Id, u.Email)).ToDictionaryAsync(u => u.UserId, ct);
            foreach (var audience in escalations)
            {
                var to = supervisors.SelectMany(g => g).ToList();
                if (audience.LeaderUserId is { } id && leaders.TryGetValue(id, out var leader) && to.All(r => r.UserId != id)) to.Add(leader);
                resolved[audience] = to;
            }
        }

        var enterpriseIds = wanted.OfType<EnterpriseUsers>().Select(e => e.EnterpriseId).ToList();
        if (enterpriseIds.Count > 0)
        {
            var users = (await db.Users.AsNoTracking().Where(u => u.EnterpriseId != null && enterpriseIds.Contains(u.EnterpriseId.Value))
                    .OrderBy(u => u.Id).Select(u => new { EnterpriseId = u.EnterpriseId!.Value, Recipient = new Recipient(u.Id, u.Email) }).ToListAsync(ct))
                .ToLookup(u => u.EnterpriseId, u => u.Recipient);
            foreach (var audience in wanted.OfType<EnterpriseUsers>()) resolved[audience] = users[audience.EnterpriseId].ToList();
        }
        return resolved;
    }

    /// <summary>The users assigned to each work's open tasks (matched by e-mail or user name); empty when none is.</summary>
    private async Task<Dictionary<ActorsOfWork, List<Recipient>>> AssigneesAsync(List<ActorsOfWork> actors, CancellationToken ct)
    {
        var instanceIds = actors.Select(a => a.InstanceId).Distinct().ToList();
        var tasks = instanceIds.Count == 0 ? [] : await db.Set<HumanTaskRecord>().AsNoTracking()
            .Where(t => instanceIds.Contains(t.InstanceId) && t.Status == HumanTaskStatus.Open && t.Assignee != null)
            .Select(t => new { t.Id, t.InstanceId, t.CandidateGroups, t.Assignee })
            .ToListAsync(ct);
        var tasksOf = tasks.ToLookup(t => t.InstanceId);
        var assigneesOf = actors.ToDictionary(a => a, a => tasksOf[a.InstanceId]
            .Where(t => a.OnlyTask is null ? (t.CandidateGroups ?? "").Split(',').Contains(a.Department) : t.Id == a.OnlyTask)
            .Select(t => t.Assignee!).Distinct().ToList());

        var names = assigneesOf.Values.SelectMany(n => n).Distinct().ToList();
        var users = names.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => names.Contains(u.Email!) || names.Contains(u.UserName!))
            .Select(u => new { u.Id, u.Email, u.UserName }).ToListAsync(ct);
        return assigneesOf.ToDictionary(a => a.Key, a => users
            .Where(u => a.Value.Contains(u.Email ?? "", StringComparer.Ordinal) || a.Value.Contains(u.UserName ?? "", StringComparer.Ordinal))
            .Select(u => new Recipient(u.Id, u.Email)).ToList());
    }

    /// <summary>The holders of a role by department (all departments when <paramref name="departments"/> is null), ordered by id.</summary>
    private async Task<ILookup<string, Recipient>> InRoleByDepartmentAsync(string role, IEnumerable<string>? departments, CancellationToken ct)
    {
        var names = departments?.Distinct().ToList();
        if (names is { Count: 0 }) return Array.Empty<Recipient>().ToLookup(_ => "");
        var holders = db.UsersInRole(role);
        if (names is not null) holders = holders.Where(u => names.Contains(u.Department!));
        var found = await holders.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new { Department = u.Department ?? "", Recipient = new Recipient(u.Id, u.Email) }).ToListAsync(ct);
        return found.ToLookup(h => names is null ? "" : h.Department, h => h.Recipient);
    }
}
