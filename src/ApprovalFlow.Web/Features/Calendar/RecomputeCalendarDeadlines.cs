using Mediator;

namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// Puts the stored calendar in force and recomputes every open deadline, in one transaction: after a year was
/// seeded, or when this server finds that the stored days differ from its cache (changed through another server,
/// or a change whose commit failed).
/// </summary>
public sealed record RecomputeCalendarDeadlines : ICommand<int>;

public sealed class RecomputeCalendarDeadlinesHandler(CalendarChangePropagation propagation)
    : ICommandHandler<RecomputeCalendarDeadlines, int>
{
    public async ValueTask<int> Handle(RecomputeCalendarDeadlines command, CancellationToken ct) =>
        await propagation.PropagateAsync(ct);
}
