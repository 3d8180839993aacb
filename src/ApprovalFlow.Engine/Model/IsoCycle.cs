using System.Globalization;
using System.Text.RegularExpressions;

namespace ApprovalFlow.Engine.Model;

/// <summary>
/// An ISO 8601 repeating interval as BPMN's timeCycle writes it: <c>R3/P1D</c> (three times, a day apart) or
/// <c>R/PT12H</c> (without end). Only the interval form; a start date or a cron expression is not supported.
/// </summary>
public readonly partial record struct IsoCycle(int? Repetitions, IsoDuration Interval)
{
    [GeneratedRegex(@"^R(\d{0,9})/(P\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out IsoCycle cycle)
    {
        cycle = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Pattern().Match(text.Trim().ToUpperInvariant());
        if (!m.Success || !IsoDuration.TryParse(m.Groups[2].Value, out var interval)) return false;
        // An interval of zero would fire without end in one sweep.
        if (interval.AddTo(DateTime.UnixEpoch) <= DateTime.UnixEpoch) return false;
        int? repetitions = m.Groups[1].Value.Length == 0 ? null : int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (repetitions == 0) return false;
        cycle = new IsoCycle(repetitions, interval);
        return true;
    }

    public static IsoCycle Parse(string text) =>
        TryParse(text, out var c) ? c : throw new FormatException($"'{text}' is not a timer cycle such as R3/P1D (R/duration or Rn/duration).");

    /// <summary>Whether a repetition follows the given one (1-based).</summary>
    public bool RepeatsAfter(int repetition) => Repetitions is not { } n || repetition < n;
}
