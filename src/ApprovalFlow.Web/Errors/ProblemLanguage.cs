using System.Globalization;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;

namespace ApprovalFlow.Web.Errors;

/// <summary>
/// ProblemDetails in the request's language. The exception handlers and the status code pages run outside the
/// localization middleware (their culture is the server's), so they take the request's culture from its
/// <see cref="IRequestCultureFeature"/>: Chinese unless the request chose English.
/// </summary>
public static class ProblemLanguage
{
    private const string ValidationTitle = "One or more validation errors occurred.";

    /// <summary>The request's UI culture; zh-CN when the localization middleware has not run.</summary>
    public static CultureInfo CultureOf(HttpContext http) =>
        http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo(L.Chinese);

    /// <summary>For an exception handler: the rest of its (async) call runs in the request's culture.</summary>
    public static void UseRequestCulture(HttpContext http)
    {
        var culture = CultureOf(http);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>
    /// <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>: a title the framework gave by the status (e.g.
    /// "Not Found", "One or more validation errors occurred.") is written in Chinese when the request is in Chinese.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (CultureOf(context.HttpContext).TwoLetterISOLanguageName == "en" || problem.Status is not { } status) return;
        if (problem.Title == ValidationTitle)
        {
            problem.Title = "提交的内容有误";
            return;
        }
        if (problem.Title is null || problem.Title == DefaultTitle(status))
        {
            problem.Title = ChineseTitle(status) ?? problem.Title;
        }
    }

    private static string? DefaultTitle(int status) => status switch
    {
        StatusCodes.Status500InternalServerError => "An error occurred while processing your request.",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : null,
    };

    private static string? ChineseTitle(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求有误",
        StatusCodes.Status401Unauthorized => "请先登录",
        StatusCodes.Status403Forbidden => "无权操作",
        StatusCodes.Status404NotFound => "未找到",
        StatusCodes.Status405MethodNotAllowed => "不支持该请求方式",
        StatusCodes.Status409Conflict => "无法办理",
        StatusCodes.Status413PayloadTooLarge => "提交的内容过大",
        StatusCodes.Status415UnsupportedMediaType => "不支持该内容类型",
        StatusCodes.Status422UnprocessableEntity => "无法受理",
        StatusCodes.Status429TooManyRequests => "请求过于频繁",
        >= 500 => "服务器处理请求时出错",
        _ => null,
    };
}
