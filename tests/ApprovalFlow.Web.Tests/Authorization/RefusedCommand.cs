using System.Net;

namespace ApprovalFlow.Web.Tests.Authorization;

/// <summary>A command endpoint and who must be refused it, with the status each refusal is documented to have.</summary>
public sealed record RefusedCommand(
    string Name,
    HttpMethod Method,
    Func<AuthorizationWorld, string> Path,
    Func<AuthorizationWorld, HttpContent?> Body,
    IReadOnlyDictionary<string, HttpStatusCode> Refused,
    bool OnCaseOfItsOwn)
{
    /// <summary>Brings the case where the command would make sense, so that a refusal is not just a state conflict.</summary>
    public Func<AuthorizationWorld, Task>? Prepare { get; init; }
}
