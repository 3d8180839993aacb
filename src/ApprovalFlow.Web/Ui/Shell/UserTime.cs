using ApprovalFlow.Web.Features.Calendar;

namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>
/// The user's time zone for one circuit: the browser's, read once by the layout, China Standard Time until then
/// (and when the browser names a zone the server does not know).
/// </summary>
public sealed class UserTime
{
    public static readonly TimeZoneInfo ChinaStandardTimeZone =
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", ChinaStandardTime.Offset, "China Standard Time", "China Standard Time");

    public TimeZoneInfo Zone { get; private set; } = ChinaStandardTimeZone;

    public event Action? Changed;

    public void Use(string? browserZoneId)
    {
        if (string.IsNullOrWhiteSpace(browserZoneId) || browserZoneId == Zone.Id) return;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(browserZoneId, out var zone)) return;
        Zone = zone;
        Changed?.Invoke();
    }

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public string Format(DateTime? utc, bool withTime = true) =>
        utc is { } at ? ToLocal(at).ToString(withTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
