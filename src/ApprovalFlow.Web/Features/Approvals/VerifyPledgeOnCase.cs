using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>The body of <c>POST /api/tasks/{id}/verify-pledge</c>.</summary>
public sealed record VerifyPledgeOnCaseRequest(string? Method, bool? Broken, string? Note);

/// <summary>
/// A verifying department checks the pledge of a pledge-system case afterwards (事后核查承诺): completes its
/// verify-pledge task with the finding and the method (the variables its <c>af:brokenVariable</c> and <c>af:methodVariable</c> name), and records the finding on
/// the case's pledge through the Pledges feature (<see cref="VerifyPledge"/>), which records a broken finding as a
/// breach (失信): the replaced steps are revoked and a credit record is written. The engine then must stand at the
/// revocation task; if it does not, nothing is kept.
/// </summary>
public sealed record VerifyPledgeOnCase(Actor Actor, Guid TaskId, string? Method, bool? Broken, string? Note)
    : ICommand<CaseResponse>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class VerifyPledgeOnCaseHandler(AppDbContext db, WorkflowEngine engine, CaseTaskAccess access, CaseTaskCompletion completion, ISender sender)
    : ICommandHandler<VerifyPledgeOnCase, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(VerifyPledgeOnCase command, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PledgeTerms.TryReadMethod(command.Method, out var method)) errors["method"] = [L.T($"核查方式须为以下之一：{PledgeTerms.MethodChoices}。", $"The method must be one of {PledgeTerms.MethodChoices}.")];
        if (command.Broken is null) errors["broken"] = [L.T("请说明是否发现违反承诺（true 或 false）。", "Say whether the pledge was found broken (true or false).")];
        if (command.Note is { Length: > 2000 }) errors["note"] = [L.T("说明最多 2000 个字符。", "The note has at most 2000 characters.")];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        // A verification task is none of the step actions, so its kind is Other; the role says what it is.
        var caseTask = await access.RequireAsync(command.Actor, command.TaskId, CaseTaskKind.Other, ct);
        var element = caseTask.Model.Element(caseTask.Task.ElementId);
        if (element is null || ApprovalRoles.RoleOf(element.Extensions) != TaskRole.VerifyPledge)
        {
            throw RefusedException.Conflict(L.T($"任务“{caseTask.Task.Name}”不是事后核查承诺任务。", $"Task {command.TaskId} ({caseTask.Task.Name}) is not a pledge verification (事后核查承诺)."));
        }
        // Found before the engine moves, so that a case without a pledge in force leaves the task open.
        var pledgeId = await db.Set<Pledge>()
            .Where(p => p.ProjectId == caseTask.Case.ProjectId && p.EnterpriseId == caseTask.Case.EnterpriseId
                && (p.Scheme == PledgeScheme.PledgeSystem || p.Scheme == PledgeScheme.StandardLand)
                && (p.Status == PledgeStatus.Signed || p.Status == PledgeStatus.Kept))
            .OrderByDescending(p => p.SignedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw RefusedException.Refused("no-pledge-in-force",
                L.T("该项目没有已签署且有效的承诺制承诺书，无可核查。", $"Project {caseTask.Case.ProjectId} has no signed pledge-system pledge in force (signed with the signPledge task) to verify."));

        var broken = command.Broken!.Value;
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        var variables = new JsonObject();
        if (element.Extensions.GetValueOrDefault(ApprovalRoles.BrokenVariable) is { } brokenVariable) variables[brokenVariable] = broken;
        if (element.Extensions.GetValueOrDefault(ApprovalRoles.MethodVariable) is { } methodVariable) variables[methodVariable] = method.Term();
        await completion.CompleteAsync(command.Actor, caseTask, variables, ct, note);

        await sender.Send(new VerifyPledge(command.Actor, pledgeId, method.Term(), broken ? "broken" : "kept", note), ct);

        if (broken)
        {
            var open = await engine.ListOpenTasksAsync(new TaskQuery(InstanceId: caseTask.Case.InstanceId), ct);
            if (!open.Any(t => caseTask.Model.RoleOf(t.ElementId) == TaskRole.Revoke))
            {
                throw new InvalidOperationException(
                    $"Case {caseTask.Case.Id}: a broken pledge must lead to the revocation task (af:role revoke), but the instance stands at "
                    + string.Join(", ", open.Select(t => t.ElementId)) + ".");
            }
        }
        return await sender.Send(new GetCase(command.Actor, caseTask.Case.Id), ct);
    }
}
