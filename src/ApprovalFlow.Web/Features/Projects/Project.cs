using ApprovalFlow.Web.Features.Counties;
using ApprovalFlow.Web.Features.Enterprises;

namespace ApprovalFlow.Web.Features.Projects;

/// <summary>An investment project (项目), identified by its project code, owned by one enterprise, in one county.</summary>
public sealed class Project
{
    private Project()
    {
    }

    public Project(
        Guid id, ProjectCode code, string name, Guid enterpriseId, string countyCode, string industry, decimal totalInvestment,
        ProjectKind kind, ProjectList list, DateTime registeredAt, string registeredBy)
    {
        Id = id;
        Code = code;
        Name = name;
        EnterpriseId = enterpriseId;
        CountyCode = countyCode;
        Industry = industry;
        TotalInvestment = totalInvestment;
        Kind = kind;
        List = list;
        RegisteredAt = registeredAt;
        RegisteredBy = registeredBy;
    }

    public Guid Id { get; private set; }

    public ProjectCode Code { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public Guid EnterpriseId { get; private set; }

    public Enterprise Enterprise { get; private set; } = null!;

    public string CountyCode { get; private set; } = "";

    public County County { get; private set; } = null!;

    public string Industry { get; private set; } = "";

    /// <summary>Total investment in 10,000 yuan (万元).</summary>
    public decimal TotalInvestment { get; private set; }

    public ProjectKind Kind { get; private set; }

    public ProjectList List { get; private set; }

    /// <summary>The paired leader's user id, when the leader has an account.</summary>
    public string? PairedLeaderUserId { get; private set; }

    public string? PairedLeaderName { get; private set; }

    public DateTime RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; } = "";

    /// <summary>Optimistic concurrency: two moves of the same project at once cannot both win.</summary>
    public int Revision { get; private set; }

    public ProjectHistoryEntry RegistrationEntry() =>
        Entry(RegisteredAt, RegisteredBy, ProjectHistoryEntry.Registered, from: null, to: List.Term(), reason: null);

    public ProjectHistoryEntry MoveTo(ProjectList list, string reason, string by, DateTime at)
    {
        var entry = Entry(at, by, ProjectHistoryEntry.ListChanged, List.Term(), list.Term(), reason);
        List = list;
        Revision++;
        return entry;
    }

    public ProjectHistoryEntry AssignPairedLeader(string? userId, string? name, string by, DateTime at)
    {
        var entry = Entry(at, by, ProjectHistoryEntry.PairedLeaderAssigned, PairedLeaderName, name, reason: null);
        PairedLeaderUserId = userId;
        PairedLeaderName = name;
        Revision++;
        return entry;
    }

    private ProjectHistoryEntry Entry(DateTime at, string by, string change, string? from, string? to, string? reason) =>
        new() { Id = Guid.NewGuid(), ProjectId = Id, At = at, By = by, Change = change, From = from, To = to, Reason = reason };
}
