namespace ApprovalFlow.Web.Features.Lights;

/// <summary>
/// The traffic light (红黄绿灯) of anything open against a working-day deadline: a step, a tolerated gap's supplement,
/// a pledge verification. Green: on time; yellow: the remaining working days have fallen to the warning share of the
/// time limit; red: overdue.
/// </summary>
public enum Light
{
    Green = 0,
    Yellow = 1,
    Red = 2,
}
