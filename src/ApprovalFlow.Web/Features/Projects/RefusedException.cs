using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>
/// A use case said no: a bad field (400, naming it), something the caller may not see (404) or do (403), or a
/// refused business rule (409). Thrown, so that the command's transaction rolls back whatever was begun;
/// <see cref="RefusalExceptionHandler"/> turns it into ProblemDetails. The title and detail are in the request's
/// language (Chinese by default, <see cref="L"/>); a refused business rule also carries its rule name for clients.
/// </summary>
public sealed class RefusedException(int status, string title, string detail, IDictionary<string, string[]>? errors = null, string? rule = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    /// <summary>The fields that are wrong, by their JSON name; set for 400 only.</summary>
    public IDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>The refused business rule's short name (e.g. <c>pledge-used</c>), written as the problem's <c>rule</c>.</summary>
    public string? Rule { get; } = rule;

    public static RefusedException Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static RefusedException Invalid(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, TitleOf(StatusCodes.Status400BadRequest), string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    public static RefusedException NotFound(string detail) => new(StatusCodes.Status404NotFound, TitleOf(StatusCodes.Status404NotFound), detail);

    public static RefusedException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, TitleOf(StatusCodes.Status403Forbidden), detail);

    public static RefusedException Conflict(string detail) => new(StatusCodes.Status409Conflict, TitleOf(StatusCodes.Status409Conflict), detail);

    /// <summary>A refused business rule, named by <paramref name="rule"/>; 409 unless said otherwise.</summary>
    public static RefusedException Refused(string rule, string detail, int status = StatusCodes.Status409Conflict) =>
        new(status, TitleOf(status), detail, rule: rule);

    /// <summary>A refusal's title by its status, in the request's language.</summary>
    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => L.T("提交的内容有误", "One or more fields are invalid"),
        StatusCodes.Status401Unauthorized => L.T("请先登录", "Not signed in"),
        StatusCodes.Status403Forbidden => L.T("无权操作", "Forbidden"),
        StatusCodes.Status404NotFound => L.T("未找到", "Not found"),
        StatusCodes.Status409Conflict => L.T("无法办理", "Conflict"),
        StatusCodes.Status422UnprocessableEntity => L.T("无法受理", "Refused"),
        _ => L.T("操作被拒绝", "Refused"),
    };
}
