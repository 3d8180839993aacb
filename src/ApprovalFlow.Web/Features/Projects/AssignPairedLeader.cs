using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>
/// An administrator names the project's paired leader (包联领导): a user of role PairedLeader, who then finds the
/// project under <c>?mine=true</c>, or just a name when the leader has no account. Neither clears it.
/// </summary>
public sealed record AssignPairedLeader(Actor Actor, Guid ProjectId, string? UserId, string? Name) : ICommand<ProjectResponse>, IAuditedCommand
{
    public string SubjectType => "project";

    public string? SubjectId => ProjectId.ToString();
}

public sealed class AssignPairedLeaderHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<AssignPairedLeader, ProjectResponse>
{
    public async ValueTask<ProjectResponse> Handle(AssignPairedLeader command, CancellationToken cancellationToken)
    {
        var userId = string.IsNullOrWhiteSpace(command.UserId) ? null : command.UserId.Trim();
        var name = string.IsNullOrWhiteSpace(command.Name) ? null : command.Name.Trim();
        if (name is { Length: > 256 })
        {
            throw RefusedException.Invalid("name", L.T("包联领导姓名最多 256 个字符。", "The leader's name has at most 256 characters."));
        }
        if (userId is not null)
        {
            var leader = await db.UsersInRole(AppRoles.PairedLeader).Where(u => u.Id == userId)
                .Select(u => new { u.Email, u.UserName }).SingleOrDefaultAsync(cancellationToken)
                ?? throw RefusedException.Invalid("userId", L.T("所选用户不存在或不是包联领导。", $"No user with the id {userId} is in the role {AppRoles.PairedLeader}."));
            name ??= leader.Email ?? leader.UserName;
        }

        var project = await (await db.ProjectsVisibleToAsync(command.Actor, cancellationToken))
            .SingleOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该项目不存在。", $"Project {command.ProjectId} does not exist."));
        db.Add(project.AssignPairedLeader(userId, name, command.Actor.Name, clock.GetUtcNow().UtcDateTime));
        return ProjectResponse.From(project);
    }
}
