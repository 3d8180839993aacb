using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>
/// An administrator or supervisor moves a project to another list (reserve → planned new start → under construction
/// → completed, or back); the move and its reason go into the project's history.
/// </summary>
public sealed record ChangeProjectList(Actor Actor, Guid ProjectId, string? List, string? Reason) : ICommand<ProjectResponse>, IAuditedCommand
{
    /// <summary>Who may move projects between lists: administrators and supervisors (the route's gate and the page ask this).</summary>
    public static readonly string[] Roles = [AppRoles.Administrator, AppRoles.Supervisor];

    public static bool MayMove(Actor actor) => Roles.Any(actor.Roles.Contains);

    public string SubjectType => "project";

    public string? SubjectId => ProjectId.ToString();
}

public sealed class ChangeProjectListHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<ChangeProjectList, ProjectResponse>
{
    public async ValueTask<ProjectResponse> Handle(ChangeProjectList command, CancellationToken cancellationToken)
    {
        if (!ChangeProjectList.MayMove(command.Actor))
            throw RefusedException.Forbidden(Ui.Shell.L.T("只有管理员和督查人员可以调整项目清单。", "Only administrators and supervisors move projects between lists."));
        var errors = new Dictionary<string, string[]>();
        if (!ProjectTerms.TryReadList(command.List, out var list))
        {
            errors["list"] = [L.T($"清单须为以下之一：{ProjectTerms.ListChoices}。", $"The list must be one of {ProjectTerms.ListChoices}.")];
        }
        if (string.IsNullOrWhiteSpace(command.Reason) || command.Reason.Trim().Length > 1000)
        {
            errors["reason"] = [L.T("请说明调整清单的理由，最多 1000 个字符；理由将记入项目历史。", "Say why the project moves, at most 1000 characters; the reason is kept in its history.")];
        }
        if (errors.Count > 0)
        {
            throw RefusedException.Invalid(errors);
        }

        var project = await (await db.ProjectsVisibleToAsync(command.Actor, cancellationToken))
            .SingleOrDefaultAsync(p => p.Id == command.ProjectId, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该项目不存在。", $"Project {command.ProjectId} does not exist."));
        if (project.List == list)
        {
            throw RefusedException.Conflict(L.T($"项目“{project.Name}”已在{ProjectLists.ProjectListTerms.Heading(list)}清单中。", $"Project {project.Code} is already on the {list.Term()} list."));
        }
        db.Add(project.MoveTo(list, command.Reason!.Trim(), command.Actor.Name, clock.GetUtcNow().UtcDateTime));
        return ProjectResponse.From(project);
    }
}
