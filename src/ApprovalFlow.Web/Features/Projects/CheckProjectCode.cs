using Mediator;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>The verdict on a project code as typed, for the form that asks for it; nothing is looked up.</summary>
public sealed record ProjectCodeCheck(bool Valid, string? Code, string? Format, string? Error);

public sealed record CheckProjectCode(string? Code) : IQuery<ProjectCodeCheck>;

public sealed class CheckProjectCodeHandler : IQueryHandler<CheckProjectCode, ProjectCodeCheck>
{
    public ValueTask<ProjectCodeCheck> Handle(CheckProjectCode query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ProjectCode.TryParse(query.Code, out var code, out var error)
            ? new ProjectCodeCheck(true, code.Value, code.Format.Term(), null)
            : new ProjectCodeCheck(false, null, null, error));
}
