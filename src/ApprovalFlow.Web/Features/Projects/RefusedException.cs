namespace ApprovalFlow.Web.Features.Projects;

/// <summary>
/// A use case said no: a bad field (400, naming it), something the caller may not see (404) or do (403), or a
/// refused business rule (409). Thrown, so that the command's transaction rolls back whatever was begun;
/// <see cref="RefusalExceptionHandler"/> turns it into ProblemDetails.
/// </summary>
public sealed class RefusedException(int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    /// <summary>The fields that are wrong, by their JSON name; set for 400 only.</summary>
    public IDictionary<string, string[]>? Errors { get; } = errors;

    public static RefusedException Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static RefusedException Invalid(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "One or more fields are invalid", string.Join(" ", errors.SelectMany(e => e.Value)), errors);

    public static RefusedException NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);

    public static RefusedException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static RefusedException Conflict(string detail) => new(StatusCodes.Status409Conflict, "Conflict", detail);
}
