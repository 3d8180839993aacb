using Microsoft.AspNetCore.Authorization;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>What a caller wants to do with an engine task or instance through the generic engine routes.</summary>
public sealed class EngineOperation : IAuthorizationRequirement
{
    private EngineOperation(string name) => Name = name;

    public string Name { get; }

    /// <summary>Read it: the task, its comments and attachments; the instance, its history.</summary>
    public static readonly EngineOperation See = new("see");

    /// <summary>Move it: claim, complete, delegate, dates, assignment; cancel, suspend, resume, send back.</summary>
    public static readonly EngineOperation Work = new("work");

    /// <summary>Comment on it or attach a file to it (also on an approval case's task, by whoever may act on it).</summary>
    public static readonly EngineOperation Annotate = new("annotate");

    public override string ToString() => Name;
}
