using System.Security.Claims;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Features.Projects;
using Mediator;
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

    public static async Task<Created<CommentResponse>> AddCommentAsync(
        Guid id, AddCommentRequest request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        TypedResults.Created(default(string), CommentResponse.From(await sender.Send(new AddTaskComment(Actor.Of(user), id, request.Text), ct)));
}
