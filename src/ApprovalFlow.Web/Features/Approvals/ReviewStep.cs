using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;

namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>The department finishes its review (审查); the step waits for the decision.</summary>
public sealed record ReviewStep(Actor Actor, Guid TaskId, string? Opinion) : ICommand<CaseResponse>, IAuditedCommand
{
    public string SubjectType => "task";

    public string? SubjectId => TaskId.ToString();
}

public sealed class ReviewStepHandler(CaseTaskAccess access, CaseTaskCompletion completion) : ICommandHandler<ReviewStep, CaseResponse>
{
    public async ValueTask<CaseResponse> Handle(ReviewStep command, CancellationToken ct)
    {
        if (command.Opinion is { Length: > 2000 }) throw RefusedException.Invalid("opinion", L.T("意见最多 2000 个字符。", "The opinion has at most 2,000 characters."));
        var caseTask = await access.RequireAsync(command.Actor, command.TaskId, CaseTaskKind.Review, ct);
        return await completion.CompleteAsync(command.Actor, caseTask, null, ct, command.Opinion);
    }
}
