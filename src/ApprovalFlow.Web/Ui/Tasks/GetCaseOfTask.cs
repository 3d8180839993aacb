using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Ui.Tasks;

/// <summary>The case a task belongs to, as <see cref="GetCase"/> shows it to the caller (so a case it may not see reads as missing).</summary>
public sealed record GetCaseOfTask(Actor Actor, Guid TaskId) : IQuery<CaseResponse>;

public sealed class GetCaseOfTaskHandler(AppDbContext db, WorkflowEngine engine, ISender sender) : IQueryHandler<GetCaseOfTask, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(GetCaseOfTask query, CancellationToken ct)
    {
        var task = await engine.GetTaskAsync(query.TaskId, ct) ?? throw RefusedException.NotFound(L.T("该任务不存在或您无权查看。", $"Task {query.TaskId} does not exist."));
        var caseId = await db.Set<ApprovalCase>().Where(c => c.InstanceId == task.InstanceId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct)
            ?? throw RefusedException.NotFound(L.T("该任务不属于任何审批案件。", $"Task {query.TaskId} belongs to no approval case."));
        return await sender.Send(new GetCase(query.Actor, caseId), ct);
    }
}
