using System.Diagnostics.CodeAnalysis;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Enterprises;

/// <summary>
/// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character set (digits and
/// capital letters without I, O, S, V, Z); positions 3 to 8 are the registering authority's region code; the last
/// character checks the other 17 (weights 3^(i-1) mod 31, check value 31 - sum mod 31).
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const int Length = 18;
    public const string Characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? code, [NotNullWhen(false)] out string? error)
    {
        code = null;
        error = Check(text, out var normalised);
        if (error is null)
        {
            code = normalised;
        }
        return error is null;
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            sum += Characters.IndexOf(c) * weight;
            weight = weight * 3 % 31;
        }
        return Characters[(31 - sum % 31) % 31];
    }

    private static string? Check(string? text, out string code)
    {
        code = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return L.T("请填写统一社会信用代码，共 18 位。", "Enter the unified social credit code (统一社会信用代码), 18 characters.");
        }
        code = Normalise(text.Trim());
        if (code.Length != Length)
        {
            return L.T($"统一社会信用代码为 {Length} 位；所填代码为 {code.Length} 位。", $"A unified social credit code has {Length} characters; this one has {code.Length}.");
        }
        for (var i = 0; i < code.Length; i++)
        {
            if (!Characters.Contains(code[i]))
            {
                return L.T($"第 {i + 1} 位的“{code[i]}”不会出现在统一社会信用代码中：代码由数字和除 I、O、S、V、Z 以外的大写字母组成。", $"'{code[i]}' at position {i + 1} does not occur in credit codes: they use digits and capital letters except I, O, S, V and Z.");
            }
            if (i is >= 2 and <= 7 && !char.IsAsciiDigit(code[i]))
            {
                return L.T($"第 {i + 1} 位的“{code[i]}”不是数字：第 3 至 8 位是登记管理机关的行政区划码。", $"'{code[i]}' at position {i + 1} is not a digit: positions 3 to 8 are the registering authority's region code.");
            }
        }
        return CheckCharacter(code.AsSpan(0, Length - 1)) == code[^1]
            ? null
            : L.T("校验码（最后一位）与代码其余部分不符，可能有字符填错。", "The check character (the last one) does not match the rest of the credit code, so a character is probably mistyped.");
    }

    private static string Normalise(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                // Full-width forms from a Chinese input method mean the same characters.
                c = c is >= '！' and <= '～' ? (char)(c - '！' + '!') : c;
                span[i] = char.ToUpperInvariant(c);
            }
        });
}
