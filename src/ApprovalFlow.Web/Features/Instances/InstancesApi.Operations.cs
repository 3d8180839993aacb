using System.Security.Claims;
using ApprovalFlow.Engine;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Instances;

public sealed record CancelInstanceRequest(string? Reason);

public sealed record SuspendInstanceRequest(string? Reason);

public sealed record SendBackRequest(string? FromElementId, string? ToElementId, string? Reason);

public static partial class InstancesApi
{
    public static async Task<Results<Ok<InstanceResponse>, ValidationProblem>> CancelAsync(
        Guid id, CancelInstanceRequest request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Required("reason", "Say why the case is cancelled; the reason is kept with it.");
        }
        var instance = await engine.CancelInstanceAsync(id, request.Reason, Caller.Id(user), ct);
        return TypedResults.Ok(InstanceResponse.From(instance));
    }

    public static async Task<Results<Ok<InstanceResponse>, ValidationProblem>> SuspendAsync(
        Guid id, SuspendInstanceRequest request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Required("reason", "Say why the case is suspended; the reason is kept in its history.");
        }
        var instance = await engine.SuspendInstanceAsync(id, request.Reason.Trim(), Caller.Id(user), ct);
        return TypedResults.Ok(InstanceResponse.From(instance));
    }

    public static async Task<Ok<InstanceResponse>> ResumeAsync(
        Guid id, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        var instance = await engine.ResumeInstanceAsync(id, Caller.Id(user), ct);
        return TypedResults.Ok(InstanceResponse.From(instance));
    }

    public static async Task<Results<Ok<InstanceResponse>, ValidationProblem>> SendBackAsync(
        Guid id, SendBackRequest request, ClaimsPrincipal user, WorkflowEngine engine, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.FromElementId))
        {
            errors["fromElementId"] = ["Name the active element the case leaves."];
        }
        if (string.IsNullOrWhiteSpace(request.ToElementId))
        {
            errors["toElementId"] = ["Name the earlier element the case goes back to."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var instance = await engine.SendBackAsync(
            id, request.FromElementId!.Trim(), request.ToElementId!.Trim(), request.Reason, Caller.Id(user), ct);
        return TypedResults.Ok(InstanceResponse.From(instance));
    }

    private static ValidationProblem Required(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
