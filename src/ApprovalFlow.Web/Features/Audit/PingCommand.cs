using Mediator;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// A health check of the audit path (<c>POST /api/audit/ping</c>): a command that changes nothing, so its only
/// effect is the entry the pipeline chains for it. It proves that commands are audited end to end, with the
/// caller as actor, and gives the tests a real command while the domain has none of its own.
/// </summary>
internal sealed record PingCommand(string? Note) : ICommand<Unit>, IAuditedCommand
{
    public const int NoteLength = 200;

    public string SubjectType => "audit";

    public string? SubjectId => null;
}

internal sealed class PingCommandHandler : ICommandHandler<PingCommand, Unit>
{
    public ValueTask<Unit> Handle(PingCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}
