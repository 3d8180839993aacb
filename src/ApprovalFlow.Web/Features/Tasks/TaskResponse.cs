using ApprovalFlow.Engine;

namespace ApprovalFlow.Web.Features.Tasks;

public sealed record TaskResponse(
    Guid Id,
    Guid InstanceId,
    string ElementId,
    string? Name,
    IReadOnlyList<string> CandidateGroups,
    IReadOnlyList<string> CandidateUsers,
    string? Assignee,
    string? Owner,
    string Delegation,
    DateTime CreatedAt,
    DateTime? DueAt,
    DateTime? FollowUpAt)
{
    public static TaskResponse From(TaskSnapshot t) =>
        new(t.Id, t.InstanceId, t.ElementId, t.Name, t.CandidateGroups, t.CandidateUsers, t.Assignee, t.Owner, t.Delegation,
            t.CreatedAt.AsUtc(), t.DueAt.AsUtc(), t.FollowUpAt.AsUtc());
}
