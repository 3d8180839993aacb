using System.Globalization;

namespace ApprovalFlow.Engine.Model;

/// <summary>ISO 8601 date-times for timer dates; a value without an offset is taken as UTC.</summary>
public static class IsoDate
{
    public static bool TryParseUtc(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return false;
        // Refuse loose formats such as "12/01/2026": timers must be unambiguous.
        if (!char.IsDigit(text.Trim()[0]) || text.Trim().Length < 10 || text.Trim()[4] != '-') return false;
        utc = value.UtcDateTime;
        return true;
    }

    public static DateTime ParseUtc(string text) =>
        TryParseUtc(text, out var d) ? d : throw new FormatException($"'{text}' is not an ISO 8601 date-time such as 2026-12-01T09:00:00+08:00.");
}
