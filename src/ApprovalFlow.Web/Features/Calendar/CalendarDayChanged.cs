namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>
/// A day after a change: its kind ("holiday", "makeUpWorkday" or "ordinary" once cleared), whether it is now a
/// working day, and how many of the engine's open deadlines moved.
/// </summary>
public sealed record CalendarDayChanged(
    DateOnly Date,
    string DayOfWeek,
    string Kind,
    string? Name,
    string? Source,
    bool IsWorkingDay,
    string? ChangedBy,
    DateTime? ChangedAt,
    int EngineDeadlinesMoved);
