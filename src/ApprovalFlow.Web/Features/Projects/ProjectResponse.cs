namespace ApprovalFlow.Web.Features.Projects;

public sealed record ProjectResponse(
    Guid Id,
    string Code,
    string CodeFormat,
    string Name,
    Guid EnterpriseId,
    string EnterpriseName,
    string County,
    string CountyName,
    string Industry,
    decimal TotalInvestment,
    string Kind,
    string List,
    string? PairedLeaderUserId,
    string? PairedLeaderName,
    DateTime RegisteredAt,
    string RegisteredBy)
{
    /// <summary>Needs the project's enterprise and county loaded.</summary>
    public static ProjectResponse From(Project p) =>
        new(p.Id, p.Code.Value, p.Code.Format.Term(), p.Name, p.EnterpriseId, p.Enterprise.Name, p.CountyCode, p.County.Name,
            p.Industry, p.TotalInvestment, p.Kind.Term(), p.List.Term(), p.PairedLeaderUserId, p.PairedLeaderName,
            p.RegisteredAt.AsUtc(), p.RegisteredBy);
}
