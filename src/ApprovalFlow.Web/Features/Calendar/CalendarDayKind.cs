namespace ApprovalFlow.Web.Features.Calendar;

/// <summary>What a listed day is; a day not listed follows the ordinary rule (Monday to Friday work).</summary>
public enum CalendarDayKind
{
    /// <summary>放假: a statutory holiday or a day off of a holiday period.</summary>
    Holiday,

    /// <summary>调休上班: a Saturday or Sunday worked in exchange for a day off.</summary>
    MakeUpWorkday,
}
