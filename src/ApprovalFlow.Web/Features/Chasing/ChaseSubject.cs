using ApprovalFlow.Web.Features.Audit;
using Mediator;

namespace ApprovalFlow.Web.Features.Chasing;

public enum ChaseOutcome
{
    Chased = 0,
    /// <summary>The subject was completed, paused or re-dated meanwhile, or the rung is not due for that deadline.</summary>
    NotDue = 1,
    /// <summary>Another sweep (on this or another server) fired this rung for this deadline first.</summary>
    AlreadyChased = 2,
}

/// <summary>
/// Fires one rung of the ladder for one subject and deadline, audited under that subject: a batch of one of
/// <see cref="ChaseDueRungs"/>, run in this command's own transaction. The sweep sends batches; this is for a single
/// rung fired by hand or by a test.
/// </summary>
public sealed record ChaseSubject(string Kind, Guid Id, ChaseLevel Level, DateTime Deadline, DateTime Now) : ICommand<ChaseOutcome>, IAuditedCommand
{
    public string SubjectType => Kind;

    public string? SubjectId => Id.ToString();
}

public sealed class ChaseSubjectHandler(ChaseDueRungsHandler batch) : ICommandHandler<ChaseSubject, ChaseOutcome>
{
    public async ValueTask<ChaseOutcome> Handle(ChaseSubject command, CancellationToken ct)
    {
        var rung = new ChaseRung(command.Kind, command.Id, command.Level, command.Deadline);
        var result = await batch.Handle(new ChaseDueRungs([rung], command.Now), ct);
        return result.Chased > 0 ? ChaseOutcome.Chased : result.AlreadyChased > 0 ? ChaseOutcome.AlreadyChased : ChaseOutcome.NotDue;
    }
}
