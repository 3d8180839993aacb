using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Materials;

/// <summary>
/// Seeds the shipped materials of every step that has none yet, so that a restart adds nothing twice and an
/// administrator's edits and removals within a step stay as they are.
/// </summary>
public sealed class MaterialCatalogueSeeder(IServiceScopeFactory scopes, ILogger<MaterialCatalogueSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var seededSteps = (await db.Set<MaterialRequirement>().Select(m => m.StepCode).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var missing = MaterialCatalogue.Shipped.Where(e => !seededSteps.Contains(e.StepCode)).ToList();
        if (missing.Count == 0) return;
        db.AddRange(missing.Select(e => new MaterialRequirement(e.StepCode, e.Code, e.Name, e.IsMain, e.Note)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Material catalogue: {Count} shipped material(s) added", missing.Count);
        }
        catch (DbUpdateException)
        {
            // Another server seeded the same rows at the same moment; theirs count.
            logger.LogInformation("Material catalogue was seeded concurrently by another server");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
