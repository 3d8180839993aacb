using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Features.Supervision;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Ui.Shell;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Administration;

public sealed record DepartmentOfficer(string UserId, string Email, string? County);

/// <summary>
/// A department (部门): its names, its officers, and how many steps it has open now. <c>Named</c>: it is in the
/// <c>departments</c> table; <c>Active</c>: it is in use (always true for a code only a step or an account uses).
/// </summary>
public sealed record DepartmentResponse(string Code, string? Name, string? NameEn, bool Named, DepartmentOfficer[] Officers, int OpenSteps,
    bool Active = true);

/// <summary>
/// The departments: those in the <c>departments</c> table (the seed's first, in its order), and any other that a step or an account uses; staff only (enterprises
/// have no business with the administration's structure).
/// </summary>
public sealed record ListDepartments(Actor Actor) : IQuery<DepartmentResponse[]>;

public sealed class ListDepartmentsHandler(AppDbContext db) : IQueryHandler<ListDepartments, DepartmentResponse[]>
{
    public async ValueTask<DepartmentResponse[]> Handle(ListDepartments query, CancellationToken cancellationToken)
    {
        if (!query.Actor.SeesEverything) throw RefusedException.Forbidden(L.T("只有工作人员可以查看部门。", "Only staff see the departments."));

        var officers = await db.UsersInRole(AppRoles.Officer).Where(u => u.Department != null)
            .Select(u => new { u.Id, u.Email, u.UserName, u.Department, u.County }).AsNoTracking().ToListAsync(cancellationToken);
        var open = SupervisedStep.OpenStatuses;
        var openSteps = await db.Set<ApprovalStep>().Where(s => open.Contains(s.Status))
            .GroupBy(s => s.Department).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var table = (await db.Set<Department>().AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(d => Departments.SeedOrder(d.Code)).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        var byCode = table.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var codes = table.Select(d => d.Code)
            .Concat(officers.Select(o => o.Department!).Concat(openSteps.Keys).Where(c => !byCode.ContainsKey(c)).Distinct().Order(StringComparer.Ordinal));
        var byDepartment = officers.ToLookup(o => o.Department!);
        return [.. codes.Select(code =>
        {
            var named = byCode.GetValueOrDefault(code);
            return new DepartmentResponse(code, named?.Name, named?.NameEn, named is not null,
                [.. byDepartment[code].Select(o => new DepartmentOfficer(o.Id, o.Email ?? o.UserName ?? o.Id, o.County))
                    .OrderBy(o => o.Email, StringComparer.Ordinal)],
                openSteps.GetValueOrDefault(code), named?.IsActive ?? true);
        })];
    }
}
