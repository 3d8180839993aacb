using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Enterprises;

/// <summary>An administrator records a construction unit (建设单位) so that its users can register projects.
/// The caller chooses the new enterprise's id, so that the audit log names it even for a refused attempt.</summary>
public sealed record RegisterEnterprise(
    Actor Actor, Guid EnterpriseId, string? Name, string? CreditCode, string? ContactName, string? ContactPhone)
    : ICommand<EnterpriseResponse>, IAuditedCommand
{
    public string SubjectType => "enterprise";

    public string? SubjectId => EnterpriseId.ToString();
}

public sealed class RegisterEnterpriseHandler(AppDbContext db, TimeProvider clock)
    : ICommandHandler<RegisterEnterprise, EnterpriseResponse>
{
    public async ValueTask<EnterpriseResponse> Handle(RegisterEnterprise command, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(command.Name) || command.Name.Trim().Length > 200)
        {
            errors["name"] = [L.T("请填写企业登记名称，最多 200 个字符。", "Enter the enterprise's registered name, at most 200 characters.")];
        }
        if (!UnifiedSocialCreditCode.TryNormalise(command.CreditCode, out var creditCode, out var creditCodeError))
        {
            errors["creditCode"] = [creditCodeError];
        }
        if (string.IsNullOrWhiteSpace(command.ContactName) || command.ContactName.Trim().Length > 50)
        {
            errors["contactName"] = [L.T("请填写联系人，最多 50 个字符。", "Enter the contact person, at most 50 characters.")];
        }
        if (string.IsNullOrWhiteSpace(command.ContactPhone) || command.ContactPhone.Trim().Length > 30
            || !command.ContactPhone.Trim().All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')'))
        {
            errors["contactPhone"] = [L.T("请填写联系电话：可含数字、空格、“-”“+”和括号，最多 30 个字符。", "Enter the contact phone number: digits, spaces, '-', '+' and brackets, at most 30 characters.")];
        }
        if (errors.Count > 0)
        {
            throw RefusedException.Invalid(errors);
        }

        if (await db.Set<Enterprise>().AnyAsync(e => e.CreditCode == creditCode, cancellationToken))
        {
            throw RefusedException.Conflict(L.T($"统一社会信用代码为 {creditCode} 的企业已登记。", $"An enterprise with the unified social credit code {creditCode} is already registered."));
        }
        var enterprise = new Enterprise
        {
            Id = command.EnterpriseId,
            Name = command.Name!.Trim(),
            CreditCode = creditCode!,
            ContactName = command.ContactName!.Trim(),
            ContactPhone = command.ContactPhone!.Trim(),
            RegisteredAt = clock.GetUtcNow().UtcDateTime,
            RegisteredBy = command.Actor.Name,
        };
        db.Add(enterprise);
        return EnterpriseResponse.From(enterprise);
    }
}
