using System.Security.Claims;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Instances;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Tasks;

public sealed record AddCommentRequest(string? Text);

public sealed record CommentResponse(Guid Id, Guid TaskId, string Author, string Text, DateTime At)
{
    public static CommentResponse From(TaskComment c) => new(c.Id, c.TaskId, c.Author, c.Text, c.At.AsUtc());
}

public static partial class TasksApi
{
    public static async Task<Results<Ok<CommentResponse[]>, ProblemHttpResult>> ListCommentsAsync(
        Guid id, WorkflowEngine engine, CancellationToken ct)
    {
        if (await engine.GetTaskAsync(id, ct) is null)
        {
            return NotFound(id);
        }
        var comments = await engine.ListCommentsAsync(id, ct);
        return TypedResults.Ok(comments.Select(CommentResponse.From).ToArray());
    }

    public static async Task<Results<Created<CommentResponse>, ValidationProblem, ProblemHttpResult>> AddCommentAsync(
        Guid id, AddCommentRequest request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return Required("text", "A comment needs some text.");
        }
        if (Caller.Id(user) is not { } actor)
        {
            return OperatorAccess.NoCallerName();
        }
        var comment = await engine.AddCommentAsync(id, request.Text, actor, ct);
        return TypedResults.Created(default(string), CommentResponse.From(comment));
    }
}
