using ApprovalFlow.Web.Features.Lights;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Ui.Supervision;

/// <summary>Choices the supervision filters offer that the domain does not list itself: lights and months.</summary>
public static class SupervisionFilters
{
    public static readonly IReadOnlyList<Light> Lights = [Light.Red, Light.Yellow, Light.Green];

    public static string Term(Light light) => light.ToString().ToLowerInvariant();

    /// <summary>The month of <paramref name="today"/> and the eleven before it, newest first, as yyyy-MM.</summary>
    public static IReadOnlyList<string> RecentMonths(DateOnly today) =>
        [.. Enumerable.Range(0, 12).Select(i => new DateOnly(today.Year, today.Month, 1).AddMonths(-i).ToString("yyyy-MM"))];

    public static string MonthText(string month) =>
        L.IsEnglish ? month : $"{month[..4]}年{int.Parse(month[5..])}月";
}
