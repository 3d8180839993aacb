using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>Development and reform confirms whether the project meets the start conditions (确认开工条件) once every step has ended.</summary>
public sealed record ConfirmStartConditions(Actor Actor, Guid CaseId, bool? Met, string? Opinion) : ICommand<CaseResponse>, IAuditedCommand
{
    public string SubjectType => "case";

    public string? SubjectId => CaseId.ToString();
}

public sealed class ConfirmStartConditionsHandler(AppDbContext db, WorkflowEngine engine, CaseTaskAccess access, CaseTaskCompletion completion)
    : ICommandHandler<ConfirmStartConditions, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(ConfirmStartConditions command, CancellationToken ct)
    {
        if (command.Met is null) throw RefusedException.Invalid("met", L.T("请说明开工条件是否具备（true 或 false）。", "Say whether the start conditions are met (true or false)."));
        var instanceId = await (await db.CasesVisibleToAsync(engine, command.Actor, ct))
            .Where(c => c.Id == command.CaseId).Select(c => (Guid?)c.InstanceId).SingleOrDefaultAsync(ct)
            ?? throw RefusedException.NotFound(Ui.Shell.L.T("该案件不存在或您无权查看。", $"Case {command.CaseId} does not exist."));
        var model = await CaseModel.ForInstanceAsync(engine, instanceId, ct);
        var task = (await engine.ListOpenTasksAsync(new TaskQuery(InstanceId: instanceId), ct))
            .FirstOrDefault(t => model.RoleOf(t.ElementId) == TaskRole.ConfirmStart)
            ?? throw RefusedException.Conflict(L.T("所有审批环节均办结后方可确认开工条件；本案件尚未办结。", "The start conditions can be confirmed only when every step has ended; this case is not there."));
        var caseTask = await access.RequireAsync(command.Actor, task.Id, CaseTaskKind.ConfirmStart, ct);
        var variables = new JsonObject();
        if (model.Element(task.ElementId)?.Extensions.GetValueOrDefault(ApprovalRoles.ApprovedVariable) is { } met) variables[met] = command.Met.Value;
        return await completion.CompleteAsync(command.Actor, caseTask, variables, ct,
            command.Opinion);
    }
}
