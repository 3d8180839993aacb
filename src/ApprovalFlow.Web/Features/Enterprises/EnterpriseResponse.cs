namespace ApprovalFlow.Web.Features.Enterprises;

public sealed record EnterpriseResponse(
    Guid Id, string Name, string CreditCode, string ContactName, string ContactPhone, DateTime RegisteredAt, string RegisteredBy)
{
    public static EnterpriseResponse From(Enterprise e) =>
        new(e.Id, e.Name, e.CreditCode, e.ContactName, e.ContactPhone, e.RegisteredAt.AsUtc(), e.RegisteredBy);
}
