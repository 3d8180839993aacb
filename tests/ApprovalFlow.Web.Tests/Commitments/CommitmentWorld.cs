using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Gaps;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Commitments;

/// <summary>An enterprise with a project, and a case whose steps are written straight into the database.</summary>
public sealed record CommitmentWorld(WebAppFactory Factory, HttpClient Admin, Guid EnterpriseId, HttpClient Enterprise, Guid ProjectId)
{
    public static readonly Actor Officer = new("officer-id", "officer@approvalflow.local", new HashSet<string> { AppRoles.Officer });

    public static async Task<CommitmentWorld> CreateAsync(WebAppFactory factory)
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterpriseId = await admin.RegisterEnterpriseAsync("衡水某新材料有限公司");
        var enterprise = await factory.EnterpriseUserAsync(admin, enterpriseId);
        var project = await enterprise.RegisteredProjectAsync(ProjectWorld.NewProject());
        return new CommitmentWorld(factory, admin, enterpriseId, enterprise, project.Id());
    }

    /// <summary>A running case of the project with the given steps, each waiting for acceptance.</summary>
    public async Task<Dictionary<string, Guid>> CaseWithStepsAsync(params (string Code, bool GapAllowed, int? Limit)[] steps)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var approvalCase = new ApprovalCase(ProjectId, EnterpriseId, "131102", ApprovalMode.Normal, Guid.NewGuid(),
            "pre-construction-approval", 1, now, "test");
        db.Add(approvalCase);
        var ids = new Dictionary<string, Guid>();
        foreach (var (code, gapAllowed, limit) in steps)
        {
            var department = Approvals.ApprovalWorld.DepartmentOf.GetValueOrDefault(code, "natural-resources");
            var step = new ApprovalStep(approvalCase.Id, approvalCase.CountyCode, code, code, department, limit, gapAllowed, pledgeReplaceable: true,
                virtualApprovalAllowed: true, now);
            db.Add(step);
            ids[code] = step.Id;
        }
        await db.SaveChangesAsync();
        return ids;
    }

    public async Task<ApprovalStep> StepAsync(Guid stepId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ApprovalStep>().AsNoTracking()
            .Include(s => s.Changes).SingleAsync(s => s.Id == stepId);
    }

    public async Task<T> InDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<Guid> SignAsync(string scheme = "tolerated-gap", string? stepCode = "land", HttpClient? client = null)
    {
        var response = await (client ?? Enterprise).PostAsJsonAsync("/api/pledges",
            new { projectId = ProjectId, scheme, stepCode, text = "本企业承诺在规定期限内补齐容缺材料，逾期未补齐的自愿承担相应责任。" });
        return (await response.ShouldHaveStatusAsync(HttpStatusCode.Created)).Id();
    }

    public DateTime WorkingDaysFromNow(int days) =>
        Factory.Services.GetRequiredService<WorkingDayCalendar>().AddWorkingDays(DateTime.UtcNow, days);

    public DateTime WorkingDaysAfter(DateTime start, int days) =>
        Factory.Services.GetRequiredService<WorkingDayCalendar>().AddWorkingDays(start, days);

    public async Task<Outcome<ToleratedGapResponse>> OpenGapAsync(Guid stepId, Guid pledgeId, DateTime deadline, params string[] materials)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new OpenToleratedGap(Officer, stepId, materials, pledgeId, deadline));
    }

    public async Task<JsonObject> SupplyAsync(Guid gapId, string material)
    {
        var response = await Enterprise.PostAsJsonAsync($"/api/gaps/{gapId}/supply", new { materialCode = material, note = "已通过共享平台核验" });
        return await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    public async Task<JsonArray> CreditAsync() => await Admin.GetJsonArrayAsync($"/api/enterprises/{EnterpriseId}/credit");
}
