using System.Globalization;
using System.Text.RegularExpressions;

namespace ApprovalFlow.Engine.Model;

/// <summary>An ISO 8601 duration (PnYnMnWnDTnHnMnS); years and months are calendar units, not fixed lengths.</summary>
public readonly partial record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    [GeneratedRegex(@"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Pattern().Match(text.Trim().ToUpperInvariant());
        if (!m.Success) return false;
        static int I(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            var seconds = m.Groups[7].Success ? decimal.Parse(m.Groups[7].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0m;
            var time = new TimeSpan(I(m.Groups[5]), I(m.Groups[6]), 0) + TimeSpan.FromMilliseconds((double)(seconds * 1000m));
            duration = new IsoDuration(I(m.Groups[1]), I(m.Groups[2]), I(m.Groups[3]) * 7 + I(m.Groups[4]), time);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not an ISO 8601 duration such as P5D or PT2H.");

    public DateTime AddTo(DateTime utc) => utc.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);
}
