using ApprovalFlow.Web.Features.Audit;
using Mediator;

namespace ApprovalFlow.Web.Tests.Audit;

// Commands that exist only in the tests: Mediator's generated dispatcher lives in the app and never sees them,
// so AuditPipeline runs them through the app's own behaviours in the order the app registers them.

/// <summary>Adds a role (so that the test can see whether its work survived) and carries fields the log must treat with care.</summary>
public sealed record GrantRoleCommand(
    string RoleName,
    string Password,
    string? ApiToken,
    [property: NotAudited] string? PersonalNote,
    IReadOnlyDictionary<string, string>? Settings = null) : ICommand<Unit>, IAuditedCommand
{
    public string SubjectType => "role";

    public string? SubjectId => RoleName;
}

/// <summary>A command without a subject of its own.</summary>
public sealed record TidyUpCommand(int Count) : ICommand<Unit>;

/// <summary>An answer that carries a refusal instead of throwing, as Features/Projects does.</summary>
public sealed record CheckedAnswer(string? Value, CheckedRefusal? Refusal);

public sealed record CheckedRefusal(int Status, string Detail);

public sealed record CheckNameCommand(string Name) : ICommand<CheckedAnswer>;

/// <summary>Thrown on purpose, like the features' rule exceptions: a refusal.</summary>
public sealed class RoleRuleException(string message) : Exception(message);
