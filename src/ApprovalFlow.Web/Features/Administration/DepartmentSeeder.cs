using ApprovalFlow.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Administration;

/// <summary>
/// Adds the seed's seven departments (<see cref="Departments.Named"/>) that the <c>departments</c> table lacks, in
/// every mode, since shipped workflows and accounts refer to their codes. A department already there is left as the
/// administrators made it (renamed, inactive), so a restart changes nothing.
/// </summary>
public sealed class DepartmentSeeder(IServiceScopeFactory scopes, ILogger<DepartmentSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var present = (await db.Set<Department>().Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var missing = Departments.Named.Where(d => !present.Contains(d.Code)).ToList();
        if (missing.Count == 0) return;
        db.AddRange(missing.Select(d => new Department(d.Code, d.Name, d.NameEn)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Departments: {Count} seeded department(s) added", missing.Count);
        }
        catch (DbUpdateException)
        {
            // Another server seeded the same rows at the same moment; theirs count.
            logger.LogInformation("Departments were seeded concurrently by another server");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
