using System.Globalization;

namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>
/// Bilingual UI text: every string is written once in Chinese (the default, zh-CN) and once in English, side by side
/// where it is used, and the current UI culture picks one. <c>@L.T("待办", "Inbox")</c>.
/// </summary>
public static class L
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] Cultures = [Chinese, English];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string zh, string en) => IsEnglish ? en : zh;
}
