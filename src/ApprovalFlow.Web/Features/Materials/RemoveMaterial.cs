using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Materials;

/// <summary>An administrator removes a material from a step's catalogue; gaps already opened keep their copy of its name.</summary>
public sealed record RemoveMaterial(Actor Actor, Guid Id) : ICommand<Unit>, IAuditedCommand
{
    public string SubjectType => "material";

    public string? SubjectId => Id.ToString();
}

public sealed class RemoveMaterialHandler(AppDbContext db) : ICommandHandler<RemoveMaterial, Unit>
{
    public async ValueTask<Unit> Handle(RemoveMaterial command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator) throw RefusedException.Forbidden(L.T("只有管理员可以维护材料目录。", "Only an administrator edits the material catalogue."));
        var material = await db.Set<MaterialRequirement>().SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
            ?? throw RefusedException.NotFound(L.T("该材料不存在。", $"No material has the id {command.Id}."));
        db.Remove(material);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
