namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// Told after the working-day calendar changed, so that a feature can recompute the deadlines it keeps
/// (approval steps, tolerated-gap supplement deadlines, lights). Register it scoped; it runs inside the
/// transaction of the change, after the engine's deadlines, with the new calendar already in force: if it
/// throws, the change is rolled back.
/// </summary>
public interface ICalendarChangedListener
{
    ValueTask OnCalendarChangedAsync(CancellationToken ct);
}
