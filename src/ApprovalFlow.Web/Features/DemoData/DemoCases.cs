using ApprovalFlow.Engine.Persistence;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.DemoData;

/// <summary>
/// Registers the demo projects and takes their cases to telling states through the real use cases: several running
/// at different steps, one returned for correction (退回补正), one with an open tolerated gap (容缺受理), one in virtual
/// approval (虚拟审批), one under the pledge system (承诺制), one completed and one overdue.
/// </summary>
public sealed class DemoCases(DemoSession session)
{
    private static readonly Dictionary<string, string> DepartmentOf = new()
    {
        ["land"] = "natural-resources",
        ["planning"] = "natural-resources",
        ["eia"] = "ecology-environment",
        ["safety"] = "emergency-management",
        ["permit"] = "housing-construction",
    };

    private static readonly string[] Steps = ["land", "planning", "eia", "safety", "permit"];

    public async Task<DemoDataSummary> SeedAsync()
    {
        var projects = new List<Guid>();
        foreach (var demo in DemoProjects.All)
        {
            var enterpriseId = await session.InScopeAsync(sp =>
                DemoEnterprise.EnsureAsync(sp.GetRequiredService<AppDbContext>(), demo.Enterprise.CreditCode, session.Cancellation));
            // The enterprise's own account registers it, as an enterprise does on the platform.
            var project = await session.SendAsync(new RegisterProject(await EnterpriseAsync(demo.Enterprise), Guid.NewGuid(), demo.Code, demo.Name,
                enterpriseId, demo.County, demo.Industry, demo.Investment, demo.Kind, demo.List));
            projects.Add(project.Id);
        }

        var cases = 0;
        async Task<CaseResponse> Start(int index, string mode)
        {
            cases++;
            var demo = DemoProjects.All[index];
            return await session.SendAsync(new StartApproval(await EnterpriseAsync(demo.Enterprise), projects[index], mode));
        }

        // 0: five steps in parallel at different points.
        var c = await RegisterAsync(await Start(0, "normal"));
        c = await AcceptAsync(c, "land");
        c = await ReviewAsync(c, "land");
        c = await AcceptAsync(c, "planning");
        c = await RunStepAsync(c, "safety");
        _ = await AcceptAsync(c, "permit");

        // 1: mostly done, the EIA still under review.
        c = await RegisterAsync(await Start(1, "normal"));
        c = await RunStepAsync(c, "land");
        c = await RunStepAsync(c, "permit");
        c = await RunStepAsync(c, "safety");
        _ = await AcceptAsync(c, "eia");

        // 2: planning returned for correction while the others go on.
        c = await RegisterAsync(await Start(2, "normal"));
        c = await AcceptAsync(c, "planning");
        c = await ReviewAsync(c, "planning");
        c = await DecideAsync(c, "planning", "return", "总平面图缺少消防通道及登高操作场地标注，请补正后重新提交。");
        c = await RunStepAsync(c, "land");
        _ = await AcceptAsync(c, "eia");

        // 3: planning accepted with a tolerated gap covered by the enterprise's signed pledge.
        c = await RegisterAsync(await Start(3, "normal"));
        var pledge = await session.SendAsync(new SignPledge(await EnterpriseAsync(DemoProjects.All[3].Enterprise), projects[3], "tolerated-gap",
            "planning", "本企业承诺在规定期限内补齐营业执照复印件，逾期未补齐的自愿承担相应责任。"));
        var deadline = await session.InScopeAsync(sp => Task.FromResult(
            sp.GetRequiredService<WorkingDayCalendar>().AddWorkingDays(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, 10)));
        c = await session.SendAsync(new AcceptStep(await OfficerOfStepAsync("planning"), DemoSession.TaskOf(c, "planning", "accept"),
            new ToleratedGapRequest(["business-licence"], pledge.Id, deadline)));
        _ = await AcceptAsync(c, "land");

        // 4: virtual approval: planning and EIA approved, waiting for the land (virtually approved).
        c = await RegisterAsync(await Start(4, "virtual"));
        c = await RunStepAsync(c, "planning");
        c = await RunStepAsync(c, "eia");
        _ = await AcceptAsync(c, "land");

        // 5: the pledge system: land and filing checked, the pledge signed, construction may start.
        c = await Start(5, "pledgeSystem");
        c = await session.SendAsync(new DecideStep(await session.OfficerAsync("development-reform"), DemoSession.TaskOf(c, "filing-check", "decide"),
            "approve", "用地手续齐全，已完成网上备案，无失信记录。"));
        var enterprise5 = await EnterpriseAsync(DemoProjects.All[5].Enterprise);
        _ = await session.SendAsync(new SignCasePledge(enterprise5, DemoSession.TaskOf(c, "pledge", "sign-pledge"),
            "本企业承诺按照承诺的标准和要求组织建设，项目建成后达不到承诺标准的，自愿承担相应法律责任。"));

        // 6: completed: every step approved, the start conditions confirmed.
        c = await RegisterAsync(await Start(6, "normal"));
        foreach (var step in Steps) c = await RunStepAsync(c, step);
        _ = await session.SendAsync(new ConfirmStartConditions(await session.OfficerAsync("development-reform"), c.Id, true, "具备开工条件"));

        // 7: overdue: the safety review accepted long ago and not decided.
        c = await RegisterAsync(await Start(7, "normal"));
        c = await AcceptAsync(c, "safety");
        await DemoBackdating.MoveAcceptanceBackAsync(session, c, "safety", TimeSpan.FromDays(28));
        c = await RunStepAsync(c, "land");
        _ = await AcceptAsync(c, "planning");

        // 8: just applied, waiting for the one-window registration.
        _ = await Start(8, "normal");

        // 9 to 11 stay in the reserve and planned lists without a case.

        // A past for supervision: decisions of four counties moved back one and two months, some of them late.
        await DemoSupervisionHistory.SpreadAsync(session, [(projects[6], 35, 21), (projects[1], 63, 10), (projects[2], 35, 4), (projects[4], 63, 28)]);
        return new DemoDataSummary(projects.Count, cases, session.Commands);
    }

    private Task<Actor> EnterpriseAsync(DemoEnterprise enterprise) =>
        session.ActorAsync(DemoAccount.Seeded.Single(a => a.Role == AppRoles.Enterprise && a.EnterpriseCreditCode == enterprise.CreditCode));

    private Task<Actor> OfficerOfStepAsync(string step) => session.OfficerAsync(DepartmentOf[step]);

    private async Task<CaseResponse> RegisterAsync(CaseResponse c) =>
        await session.SendAsync(new AcceptStep(await session.OfficerAsync("administrative-approval"), DemoSession.TaskOf(c, "register", "register"), null));

    private async Task<CaseResponse> AcceptAsync(CaseResponse c, string step) =>
        await session.SendAsync(new AcceptStep(await OfficerOfStepAsync(step), DemoSession.TaskOf(c, step, "accept"), null));

    private async Task<CaseResponse> ReviewAsync(CaseResponse c, string step) =>
        await session.SendAsync(new ReviewStep(await OfficerOfStepAsync(step), DemoSession.TaskOf(c, step, "review"), "材料齐全，符合要求。"));

    private async Task<CaseResponse> DecideAsync(CaseResponse c, string step, string outcome, string opinion) =>
        await session.SendAsync(new DecideStep(await OfficerOfStepAsync(step), DemoSession.TaskOf(c, step, "decide"), outcome, opinion));

    private async Task<CaseResponse> RunStepAsync(CaseResponse c, string step)
    {
        c = await AcceptAsync(c, step);
        c = await ReviewAsync(c, step);
        return await DecideAsync(c, step, "approve", "同意。");
    }
}
