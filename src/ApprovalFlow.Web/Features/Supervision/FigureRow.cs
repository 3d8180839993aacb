namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>
/// The figures of one county, department or step for a period: open and overdue steps at its end (or now), steps
/// decided in it, the average and 90th percentile (nearest rank) working days from acceptance to decision, and the
/// share decided by the due date. Null where nothing was decided.
/// </summary>
public sealed record FigureRow(
    string Key, string? Name, int Open, int Overdue, int Completed, double? AverageWorkingDaysToDecide, int? P90WorkingDaysToDecide,
    double? ShareDecidedWithinLimit);
