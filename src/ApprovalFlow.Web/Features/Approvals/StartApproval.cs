using System.Text.Json.Nodes;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// An enterprise applies for the pre-construction approval of its own project (申请开工前审批); an administrator may
/// apply for any. One running case per project. The pledge system runs its own model; the others the parallel one.
/// </summary>
public sealed record StartApproval(Actor Actor, Guid? ProjectId, string? Mode) : ICommand<CaseResponse>, IAuditedCommand
{
    public string SubjectType => "project";

    public string? SubjectId => ProjectId?.ToString();
}

public sealed class StartApprovalHandler(AppDbContext db, WorkflowEngine engine, CaseTransitionContext context, ISender sender)
    : ICommandHandler<StartApproval, CaseResponse>
{
    /// <summary>The departments that verify a pledge afterwards: those of the design reviews it replaces.</summary>
    private static readonly string[] VerifyingDepartments = ["natural-resources", "ecology-environment", "emergency-management"];

    public async ValueTask<CaseResponse> Handle(StartApproval command, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (command.ProjectId is null) errors["projectId"] = [L.T("请指定要审批的项目。", "Name the project to approve.")];
        if (!ApprovalModes.TryRead(command.Mode, out var mode)) errors["mode"] = [L.T($"审批方式须为以下之一：{ApprovalModes.Choices}。", $"The mode must be one of {ApprovalModes.Choices}.")];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var actor = command.Actor;
        var project = await db.Set<Project>().SingleOrDefaultAsync(p => p.Id == command.ProjectId, ct);
        if (!actor.IsAdministrator)
        {
            var own = await db.EnterpriseOfAsync(actor.UserId, ct);
            if (project is not null && project.EnterpriseId != own) project = null;
        }
        if (project is null) throw RefusedException.NotFound(Ui.Shell.L.T("该项目不存在或您无权查看。", $"Project {command.ProjectId} does not exist."));

        if (await db.Set<ApprovalCase>().AnyAsync(c => c.ProjectId == project.Id && c.Status == ApprovalCaseStatus.Running, ct))
        {
            throw RefusedException.Conflict(L.T($"项目 {project.Code} 已有办理中的审批案件，一个项目同时只能有一个。", $"One running case per project: project {project.Code} already has an approval case running."));
        }

        var key = mode == ApprovalMode.PledgeSystem ? ShippedWorkflows.PledgeSystem : ShippedWorkflows.PreConstruction;
        var variables = mode == ApprovalMode.PledgeSystem
            ? new JsonObject { ["verifyingDepartments"] = new JsonArray([.. VerifyingDepartments.Select(d => JsonValue.Create(d))]) }
            : new JsonObject { ["virtual"] = mode == ApprovalMode.Virtual, ["pledgeSystem"] = false };
        // Every decision's outcome variable exists from the start ("pending"), so a step may ask another's result before it is decided.
        var newest = (await engine.ListDefinitionsAsync(ct)).Where(d => d.Key == key).MaxBy(d => d.Version)
            ?? throw RefusedException.Conflict(Ui.Shell.L.T($"审批流程 {key} 尚未发布。", $"The workflow {key} is not published."));
        foreach (var decision in (await CaseModel.LoadAsync(engine, newest.Id, ct)).WithRole(TaskRole.Decide))
        {
            if (decision.Extensions.GetValueOrDefault(ApprovalRoles.OutcomeVariable) is { } outcome) variables[outcome] = DecisionOutcomes.Pending;
        }
        // The case is created inside the start transition, where its instance id is known; the StepKeeper adds it.
        ApprovalCase? approvalCase = null;
        context.Start((report, model) =>
        {
            approvalCase = new ApprovalCase(project.Id, project.EnterpriseId, project.CountyCode, mode, report.InstanceId, report.DefinitionKey,
                report.Version, report.At, actor.Name);
            foreach (var step in model.Steps)
            {
                approvalCase.Steps.Add(new ApprovalStep(approvalCase.Id, approvalCase.CountyCode, step.StepCode, step.Name, step.Department,
                    step.TimeLimitDays, step.ToleratedGap, step.PledgeReplaceable, step.VirtualApproval, report.At));
            }
            return approvalCase;
        });
        try
        {
            await engine.StartAsync(key, project.Code.Value, variables, actor.Name, ct);
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            // Two starts at the same moment both passed the check above: the database's one-running-case index refuses the second.
            throw RefusedException.Conflict(Ui.Shell.L.T($"项目 {project.Code} 已有办理中的审批案件，一个项目同时只能有一个。",
                L.T($"项目 {project.Code} 已有办理中的审批案件，一个项目同时只能有一个。", $"One running case per project: project {project.Code} already has an approval case running.")));
        }
        if (approvalCase is null) throw new InvalidOperationException($"The start of {key} created no approval case; is the StepKeeper registered?");
        return await sender.Send(new GetCase(actor, approvalCase.Id), ct);
    }
}
