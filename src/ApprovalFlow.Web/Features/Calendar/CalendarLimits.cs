namespace ApprovalFlow.Web.Features.Calendar;

public static class CalendarLimits
{
    public const int NameLength = 50;
    public const int SourceLength = 500;

    /// <summary>About four years of working days: longer limits are not deadlines but mistakes.</summary>
    public const int MaxWorkingDays = 1000;

    public const int FirstYear = 1949;
    public const int LastYear = 2199;
}
