using ApprovalFlow.Web.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Materials;

/// <summary>The material catalogue, all steps or one.</summary>
public sealed record ListMaterials(string? StepCode) : IQuery<MaterialResponse[]>;

public sealed class ListMaterialsHandler(AppDbContext db) : IQueryHandler<ListMaterials, MaterialResponse[]>
{
    public async ValueTask<MaterialResponse[]> Handle(ListMaterials query, CancellationToken cancellationToken)
    {
        var materials = db.Set<MaterialRequirement>().AsNoTracking();
        if (query.StepCode?.Trim() is { Length: > 0 } step)
        {
            materials = materials.Where(m => m.StepCode == step);
        }
        var list = await materials.ToListAsync(cancellationToken);
        return list.OrderBy(m => m.StepCode, StringComparer.Ordinal).ThenByDescending(m => m.IsMain)
            .ThenBy(m => m.Code, StringComparer.Ordinal).Select(MaterialResponse.From).ToArray();
    }
}
