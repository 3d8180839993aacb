namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>One run of a published workflow for a project (审批案件): the engine instance plus what the domain records about it.</summary>
public sealed class ApprovalCase
{
    private ApprovalCase()
    {
    }

    public ApprovalCase(Guid projectId, Guid enterpriseId, string countyCode, ApprovalMode mode, Guid instanceId, string definitionKey,
        int definitionVersion, DateTime startedAt, string startedBy)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        EnterpriseId = enterpriseId;
        CountyCode = countyCode;
        Mode = mode;
        InstanceId = instanceId;
        DefinitionKey = definitionKey;
        DefinitionVersion = definitionVersion;
        StartedAt = startedAt;
        StartedBy = startedBy;
        Status = ApprovalCaseStatus.Running;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    /// <summary>Copied from the project at start, so access checks need no join.</summary>
    public Guid EnterpriseId { get; private set; }
    public string CountyCode { get; private set; } = "";
    public ApprovalMode Mode { get; private set; }
    public Guid InstanceId { get; private set; }
    public string DefinitionKey { get; private set; } = "";
    public int DefinitionVersion { get; private set; }
    public ApprovalCaseStatus Status { get; private set; }
    public DateTime StartedAt { get; private set; }
    public string StartedBy { get; private set; } = "";
    public DateTime? EndedAt { get; private set; }

    public List<ApprovalStep> Steps { get; private set; } = [];

    /// <summary>The case's instance now runs on another version of its model (a migration).</summary>
    public void FollowVersion(string definitionKey, int definitionVersion)
    {
        DefinitionKey = definitionKey;
        DefinitionVersion = definitionVersion;
    }

    public void End(ApprovalCaseStatus status, DateTime at)
    {
        Status = status;
        EndedAt = at;
    }
}
