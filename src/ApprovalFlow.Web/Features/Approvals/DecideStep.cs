using System.Text.Json.Nodes;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
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
        if (outcome is not ("approve" or "reject" or "return" or "pledge")) errors["outcome"] = [$"The outcome must be one of {DecideStep.Choices}."];
        if (outcome is "reject" or "return" && string.IsNullOrWhiteSpace(command.Opinion))
            errors["opinion"] = ["A rejection or a return for correction must give its reasons."];
        if (command.Opinion is { Length: > 2000 }) errors["opinion"] = ["The opinion has at most 2,000 characters."];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var caseTask = await access.RequireAsync(command.Actor, command.TaskId, CaseTaskKind.Decide, ct);
        var variables = Variables(caseTask, outcome!);
        var note = string.IsNullOrWhiteSpace(command.Opinion) ? null : command.Opinion.Trim();
        return await completion.CompleteAsync(command.Actor, caseTask, variables, ct, note);
    }

    private static JsonObject Variables(CaseTask caseTask, string outcome)
    {
        var element = caseTask.Task.ElementId;
        switch (element)
        {
            case "checkLandAndFiling":
                if (outcome is not ("approve" or "reject")) throw Unsupported(element, outcome, "approve, reject");
                return new JsonObject { ["pledgeEligible"] = outcome == "approve" };
            case "startConstruction" or "combinedAcceptance" or "revokeAndRecordCredit":
                if (outcome != "approve") throw Unsupported(element, outcome, "approve");
                return [];
        }
        var step = caseTask.Step ?? throw RefusedException.Conflict($"Task {caseTask.Task.Id} belongs to no step.");
        if (outcome == "pledge" && !(step.PledgeReplaceable && caseTask.Case.Mode == ApprovalMode.PledgeSystem))
        {
            throw new RefusedException(StatusCodes.Status422UnprocessableEntity, "Refused: pledge-not-allowed",
                $"A pledge may replace only a pledge-replaceable step in a case under the pledge system; step {step.StepCode} in a {caseTask.Case.Mode.Term()} case is not.");
        }
        return new JsonObject { [step.StepCode + "Outcome"] = outcome };
    }

    private static RefusedException Unsupported(string element, string outcome, string allowed) =>
        new(StatusCodes.Status422UnprocessableEntity, "Refused: outcome-not-allowed",
            $"Task {element} cannot be decided '{outcome}'; it takes {allowed}.");
}
