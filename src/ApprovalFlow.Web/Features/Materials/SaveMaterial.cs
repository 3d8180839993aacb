using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Materials;

/// <summary>An administrator adds a material to a step's catalogue, or changes its name, kind (main/secondary) and note.</summary>
public sealed record SaveMaterial(Actor Actor, string? StepCode, string? Code, string? Name, string? Kind, string? Note)
    : ICommand<MaterialResponse>, IAuditedCommand
{
    public string SubjectType => "material";

    public string? SubjectId => $"{StepCode}/{Code}";
}

public sealed class SaveMaterialHandler(AppDbContext db) : ICommandHandler<SaveMaterial, MaterialResponse>
{
    public async ValueTask<MaterialResponse> Handle(SaveMaterial command, CancellationToken cancellationToken)
    {
        if (!command.Actor.IsAdministrator) throw RefusedException.Forbidden(L.T("只有管理员可以维护材料目录。", "Only an administrator edits the material catalogue."));
        var errors = new Dictionary<string, string[]>();
        var step = command.StepCode?.Trim();
        var code = command.Code?.Trim();
        var name = command.Name?.Trim();
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (string.IsNullOrEmpty(step) || step.Length > 50) errors["stepCode"] = [L.T("请填写环节代码（land、planning、eia 等），最多 50 个字符。", "Name the step code (land, planning, eia, ...), at most 50 characters.")];
        if (string.IsNullOrEmpty(code) || code.Length > 50) errors["code"] = [L.T("请填写材料编码，最多 50 个字符。", "Enter the material code, at most 50 characters.")];
        if (string.IsNullOrEmpty(name) || name.Length > 200) errors["name"] = [L.T("请填写材料名称，最多 200 个字符。", "Enter the material name, at most 200 characters.")];
        if (!MaterialKinds.TryRead(command.Kind, out var isMain)) errors["kind"] = [L.T("材料类别须为 main（主要材料）或 secondary（次要材料）。", "The kind must be main or secondary.")];
        if (note is { Length: > 1000 }) errors["note"] = [L.T("说明最多 1000 个字符。", "The note has at most 1000 characters.")];
        if (errors.Count > 0) throw RefusedException.Invalid(errors);

        var material = await db.Set<MaterialRequirement>().SingleOrDefaultAsync(m => m.StepCode == step && m.Code == code, cancellationToken);
        if (material is null)
        {
            material = new MaterialRequirement(step!, code!, name!, isMain, note);
            db.Add(material);
        }
        else
        {
            material.Change(name!, isMain, note);
        }
        await db.SaveChangesAsync(cancellationToken);
        return MaterialResponse.From(material);
    }
}
