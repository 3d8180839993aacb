namespace ApprovalFlow.Web.Features.Administration;

/// <summary>A department as an administrator just saved it.</summary>
public sealed record DepartmentEditResponse(string Code, string Name, string NameEn, bool Active)
{
    public static DepartmentEditResponse From(Department d) => new(d.Code, d.Name, d.NameEn, d.IsActive);
}
