using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Credit;

/// <summary>An administrator repairs a credit record (信用修复), with a note saying on what grounds.</summary>
public sealed record RepairCredit(Actor Actor, Guid CreditRecordId, string? Note) : ICommand<CreditRecordResponse>, IAuditedCommand
{
    public string SubjectType => "credit-record";

    public string? SubjectId => CreditRecordId.ToString();
}

public sealed class RepairCreditHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<RepairCredit, CreditRecordResponse>
{
    public async ValueTask<CreditRecordResponse> Handle(RepairCredit command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator) throw RefusedException.Forbidden(L.T("只有管理员可以办理信用修复。", "Only an administrator repairs credit (信用修复)."));
        var note = command.Note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > 2000)
        {
            throw RefusedException.Invalid("note", L.T("请填写信用修复的依据，最多 2000 个字符。", "Say on what grounds the credit is repaired, at most 2000 characters."));
        }
        var record = await db.Set<CreditRecord>().SingleOrDefaultAsync(r => r.Id == command.CreditRecordId, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该失信记录不存在。", $"No credit record has the id {command.CreditRecordId}."));
        if (record.IsRepaired) throw RefusedException.Conflict(L.T("该失信记录已完成信用修复。", "The credit record is already repaired."));
        record.Repair(clock.GetUtcNow().UtcDateTime, command.Actor.Name, note);
        await db.SaveChangesAsync(cancellationToken);
        return CreditRecordResponse.From(record);
    }
}
