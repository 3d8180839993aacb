using System.Text.Json.Nodes;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// The department decides (决定): approve, reject (不予许可), return for correction (退回补正) or, where the step is
/// pledge-replaceable and the case runs under the pledge system, replace it by the pledge. A refusal or return
/// must give its reasons (行政许可法 Art. 38).
/// </summary>
public sealed record DecideStep(Actor Actor, Guid TaskId, string? Outcome, string? Opinion) : ICommand<CaseResponse>, IAuditedCommand
{
    public const string Choices = "approve, reject, return, pledge";

    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class DecideStepHandler(CaseTaskAccess access, CaseTaskCompletion completion) : ICommandHandler<DecideStep, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(DecideStep command, CancellationToken ct)
    {
        var outcome = command.Outcome?.Trim().ToLowerInvariant();
        var errors = new Dictionary<string, string[]>();
        if (outcome is not ("approve" or "reject" or "return" or "pledge")) errors["outcome"] = [L.T($"决定结果须为以下之一：{DecideStep.Choices}。", $"The outcome must be one of {DecideStep.Choices}.")];
        if (outcome is "reject" or "return" && string.IsNullOrWhiteSpace(command.Opinion))
            errors["opinion"] = [L.T("不予许可或退回补正须说明理由。", "A rejection or a return for correction must give its reasons.")];
        if (command.Opinion is { Length: > 2000 }) errors["opinion"] = [L.T("意见最多 2000 个字符。", "The opinion has at most 2,000 characters.")];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var caseTask = await access.RequireAsync(command.Actor, command.TaskId, CaseTaskKind.Decide, ct);
        var variables = Variables(caseTask, outcome!);
        var note = string.IsNullOrWhiteSpace(command.Opinion) ? null : command.Opinion.Trim();
        return await completion.CompleteAsync(command.Actor, caseTask, variables, ct, note);
    }

    /// <summary>The variables the decision sets, as its task declares them (<c>af:outcomes</c>, <c>af:outcomeVariable</c>, <c>af:approvedVariable</c>).</summary>
    private static JsonObject Variables(CaseTask caseTask, string outcome)
    {
        var element = caseTask.Model.Element(caseTask.Task.ElementId)
            ?? throw RefusedException.Conflict(L.T("该任务不在其案件的流程模型中。", $"Task {caseTask.Task.Id} is not in its case's model."));
        var declared = ApprovalRoles.OutcomesOf(element.Extensions);
        if (!declared.Contains(outcome)) throw Unsupported(caseTask.Task.Name ?? element.Id, outcome, string.Join(", ", declared));
        if (!DecisionOutcomes.Allowed(element, caseTask.Step, caseTask.Case.Mode).Contains(outcome))
        {
            var step = caseTask.Step?.Name ?? caseTask.Task.Name;
            throw RefusedException.Refused("pledge-not-allowed", status: StatusCodes.Status422UnprocessableEntity, detail: Ui.Shell.L.T(
                $"只有承诺制案件中可由承诺替代的事项才能以承诺替代；“{step}”不可以。",
                $"A pledge may replace only a pledge-replaceable step in a case under the pledge system; the step '{step}' is not."));
        }
        var variables = new JsonObject();
        if (element.Extensions.TryGetValue(ApprovalRoles.OutcomeVariable, out var name)) variables[name] = outcome;
        if (element.Extensions.TryGetValue(ApprovalRoles.ApprovedVariable, out var approved)) variables[approved] = outcome == "approve";
        return variables;
    }

    private static RefusedException Unsupported(string task, string outcome, string allowed) =>
        RefusedException.Refused("outcome-not-allowed", status: StatusCodes.Status422UnprocessableEntity, detail: Ui.Shell.L.T(
            $"任务“{task}”不能作出“{Ui.Shell.OutcomeText.Of(outcome)}”的决定；可选：{string.Join("、", allowed.Split(", ").Select(Ui.Shell.OutcomeText.Of))}。",
            $"Task '{task}' cannot be decided '{outcome}'; it takes {allowed}."));
}
