using System.Diagnostics.CodeAnalysis;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>
/// A project code (项目代码) of the online investment approval and supervision platform: a GB/T 40058-2021 code
/// (<c>YYMM-RRRRRR-DD-TT-NNNNNC</c>, since November 2020) or an older one (<c>YYYY-RRRRRR-XX-XX-NNNNNN</c>).
/// Held in one canonical form: five groups of 4, 6, 2, 2 and 6 digits joined by hyphens, 24 characters.
/// The refusals are shown to the enterprise typing the code, so each one says which part is wrong.
/// </summary>
public sealed record ProjectCode
{
    public const int Length = 24;
    public const string Example = "2011-131102-04-01-123451";

    private const int DigitCount = 20;
    private static readonly int[] GroupLengths = [4, 6, 2, 2, 6];

    private ProjectCode(string value, ProjectCodeFormat format)
    {
        Value = value;
        Format = format;
    }

    public string Value { get; }

    public ProjectCodeFormat Format { get; }

    /// <summary>The administrative region (GB/T 2260) the code was issued for.</summary>
    public string RegionCode => Value.Substring(5, 6);

    public override string ToString() => Value;

    public static ProjectCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ProjectCode? code, [NotNullWhen(false)] out string? error)
    {
        error = Check(text, out var digits, out var format);
        code = error is null ? new ProjectCode(Canonical(digits), format) : null;
        return code is not null;
    }

    /// <summary>
    /// Rebuilds a code this class once accepted without judging it again, so that a later, stricter rule never
    /// makes a stored project unreadable.
    /// </summary>
    public static ProjectCode FromStored(string value) =>
        new(value, value.Length >= 4 && value.StartsWith("20", StringComparison.Ordinal) && value[2..4] is not ("11" or "12")
            ? ProjectCodeFormat.Legacy
            : ProjectCodeFormat.Gbt40058);

    private static string? Check(string? text, out string digits, out ProjectCodeFormat format)
    {
        digits = "";
        format = ProjectCodeFormat.Gbt40058;
        if (string.IsNullOrWhiteSpace(text))
        {
            return L.T($"请填写项目代码，如 {Example}。", $"Enter the project code (项目代码), e.g. {Example}.");
        }

        var typed = Normalise(text.Trim());
        for (var i = 0; i < typed.Length; i++)
        {
            var c = typed[i];
            if (!char.IsAsciiDigit(c) && c != '-')
            {
                return L.T($"第 {i + 1} 位的“{c}”{(char.IsLetter(c) ? "是字母" : "不允许使用")}：项目代码只含数字和连字符，如 {Example}。",
                    $"'{c}' at position {i + 1} is {(char.IsLetter(c) ? "a letter" : "not allowed")}: "
                    + $"a project code has only digits and hyphens, e.g. {Example}.");
            }
        }

        var groups = typed.Split('-');
        if (groups.Length == 1)
        {
            if (typed.Length != DigitCount)
            {
                return L.T($"项目代码为 {DigitCount} 位数字（含连字符共 {Length} 个字符，如 {Example}）；所填代码为 {typed.Length} 位。",
                    $"A project code has {DigitCount} digits ({Length} characters with its hyphens, e.g. {Example}); "
                    + $"this one has {typed.Length}.");
            }
            digits = typed;
        }
        else
        {
            if (!groups.Select(g => g.Length).SequenceEqual(GroupLengths))
            {
                return L.T($"项目代码共 {Length} 个字符：4、6、2、2、6 位数字各为一组，以连字符连接，如 {Example}；所填代码为 {typed.Length} 个字符，各组位数为 {string.Join("、", groups.Select(g => g.Length))}。",
                    $"A project code is {Length} characters: groups of 4, 6, 2, 2 and 6 digits joined by hyphens, "
                    + $"e.g. {Example}; this one is {typed.Length} characters in groups of {string.Join(", ", groups.Select(g => g.Length))}.");
            }
            digits = string.Concat(groups);
        }

        var time = digits[..4];
        var year = int.Parse(digits[..2]);
        var month = int.Parse(digits[2..4]);
        if (year == 20 && month is not (11 or 12))
        {
            // The 24-character GB/T 40058 codes began in November 2020, so 20MM with any other MM is an older code's year.
            if (month > 21)
            {
                return L.T($"第一组“{time}”不是有效时间：2020 年 11 月起赋予的代码以年月（YYMM）开头，不存在 {month} 月；更早的代码以年份开头，最晚为 2021 年。",
                    $"The first group '{time}' is not a valid time: a code issued since November 2020 starts with "
                    + $"its year and month (YYMM) and month {month} does not exist; an older code starts with its year, 2021 at the latest.");
            }
            format = ProjectCodeFormat.Legacy;
            return null;
        }
        if (year < 20)
        {
            return L.T($"第一组“{time}”不是有效时间：应为代码赋予的年月（YYMM），2011（2020 年 11 月）或更晚；或为更早代码的年份（2000 至 2021）。",
                $"The first group '{time}' is not a valid time: it is the year and month (YYMM) the code was issued, "
                + "2011 (November 2020) or later, or the year of an older code (2000 to 2021).");
        }
        if (month is < 1 or > 12)
        {
            return L.T($"第一组“{time}”不是有效时间：应为代码赋予的年月（YYMM），不存在 {month:00} 月。",
                $"The first group '{time}' is not a valid time: it is the year and month (YYMM) the code was issued, "
                + $"and month {month:00} does not exist.");
        }
        if (digits[^1] - '0' != ProjectCodeCheckDigit.Iso7064Mod11Radix10(digits.AsSpan(0, DigitCount - 1)))
        {
            return L.T("校验位（最后一位）与代码其余部分不符，可能有数字填错，请从投资项目在线审批监管平台复制项目代码。",
                "The check digit (the last digit) does not match the rest of the code, so a digit is probably mistyped: "
                + "copy the code from the investment project approval platform (投资项目在线审批监管平台).");
        }
        return null;
    }

    private static string Canonical(string digits) =>
        $"{digits[..4]}-{digits[4..10]}-{digits[10..12]}-{digits[12..14]}-{digits[14..]}";

    /// <summary>A Chinese input method easily produces full-width digits and other dashes; they mean the same.</summary>
    private static string Normalise(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c switch
                {
                    >= '０' and <= '９' => (char)('0' + (c - '０')),
                    '－' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => '-',
                    _ => c,
                };
            }
        });
}
