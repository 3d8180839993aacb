using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Features.Enterprises;
using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Supervision;

/// <summary>
/// A constructed supervision history on a fixed clock (Tuesday 10 November 2026, 10:00 China time), written straight into
/// the tables: steps accepted, acted on and decided at chosen moments of September and October 2026, which have no
/// holidays in the weeks used. Each step sits in a case of its own.
/// </summary>
public sealed class SupervisionWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 10, 10, 0, 0, TimeSpan.FromHours(8));
    public const string Taocheng = "131102";
    public const string Jizhou = "131103";

    private readonly WebAppFactory _factory;

    private SupervisionWorld(WebAppFactory factory, WebApplicationFactory<Program> app, SettableClock clock)
    {
        _factory = factory;
        App = app;
        Clock = clock;
    }

    public WebApplicationFactory<Program> App { get; }
    public SettableClock Clock { get; }
    public Guid EnterpriseId { get; private set; }
    public Dictionary<string, Guid> Projects { get; } = [];
    public Dictionary<string, Guid> Cases { get; } = [];

    private bool _ownsFactory = true;

    /// <summary>On a fresh SQLite app, or on the given factory (which the caller disposes).</summary>
    public static async Task<SupervisionWorld> CreateAsync(WebAppFactory? shared = null)
    {
        var factory = shared ?? new WebAppFactory();
        var clock = new SettableClock(Now);
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var world = new SupervisionWorld(factory, app, clock);
        world._ownsFactory = shared is null;
        var admin = await app.ClientForAsync(Accounts.Admin);
        world.EnterpriseId = await admin.RegisterEnterpriseAsync("衡水某督导测试有限公司");
        return world;
    }

    public static DateTime China(int month, int day, int hour = 10) =>
        new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8)).UtcDateTime;

    /// <summary>The constructed months of issue 5's report test; see docs/supervision.md for the figures they give.</summary>
    public async Task SeedOctoberAsync()
    {
        var taocheng = await ProjectAsync("taocheng", Taocheng, ProjectList.PlannedNewStart, 60_000m);
        var jizhou = await ProjectAsync("jizhou", Jizhou, ProjectList.PlannedNewStart, 80_000m);
        // 桃城区: three decided in October (5, 7 and 2 working days; the 7 late), one overdue, one quiet but green.
        await StepAsync("T1", taocheng, "land", "natural-resources", 10, China(10, 12), decidedAt: China(10, 19));
        await StepAsync("T2", taocheng, "planning", "natural-resources", 5, China(10, 12), decidedAt: China(10, 21));
        await StepAsync("T3", taocheng, "eia", "ecology-environment", 10, China(10, 13), decidedAt: China(10, 15));
        await StepAsync("T4", taocheng, "permit", "housing-construction", 5, China(10, 12));
        await StepAsync("Y1", taocheng, "land", "natural-resources", 20, China(10, 26));
        // 冀州区: one decided in 2 working days, one due 9 November (overdue now), one quiet and yellow now.
        await StepAsync("J1", jizhou, "land", "natural-resources", 10, China(10, 12), decidedAt: China(10, 14));
        await StepAsync("J2", jizhou, "eia", "ecology-environment", 10, China(10, 26));
        await StepAsync("Y2", jizhou, "safety", "emergency-management", 17, China(10, 19));
        // September: 桃城区 decides late in 7 working days, 冀州区 on time in 2.
        await StepAsync("S1", taocheng, "safety", "emergency-management", 5, China(9, 7), decidedAt: China(9, 16));
        await StepAsync("S2", jizhou, "permit", "housing-construction", 5, China(9, 7), decidedAt: China(9, 9));
    }

    public async Task<Guid> ProjectAsync(string key, string county, ProjectList list, decimal investment, string? pairedLeaderUserId = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = new Project(Guid.NewGuid(), NewCode(county), $"{key} 测试项目", EnterpriseId, county, "制造业", investment,
            ProjectKind.Filed, list, China(9, 1), "test");
        if (pairedLeaderUserId is not null) project.AssignPairedLeader(pairedLeaderUserId, "包联领导", "test", China(9, 1));
        db.Add(project);
        await db.SaveChangesAsync();
        Projects[key] = project.Id;
        return project.Id;
    }

    /// <summary>A GB/T 40058 code of October 2025 in the county, with a random serial.</summary>
    private static ProjectCode NewCode(string county)
    {
        var body = $"2510{county}040{Random.Shared.Next(0, 1_000_000):000000}";
        return ProjectCode.Parse($"{body[..4]}-{body[4..10]}-{body[10..12]}-{body[12..14]}-{body[14..]}{ProjectCodeCheckDigit.Iso7064Mod11Radix10(body)}");
    }

    /// <summary>
    /// A case with one step accepted at <paramref name="acceptedAt"/> and, if given, approved at <paramref name="decidedAt"/>
    /// (the case then completed). A project runs one case at a time: an open step of a project that already has a
    /// running case goes to a sibling project (another section, 另一标段) of the same county, list and leader.
    /// </summary>
    public async Task StepAsync(string key, Guid projectId, string stepCode, string department, int limit, DateTime acceptedAt, DateTime? decidedAt = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();
        var project = (await db.Set<Project>().FindAsync(projectId))!;
        if (decidedAt is null && await db.Set<ApprovalCase>().AnyAsync(c => c.ProjectId == projectId && c.Status == ApprovalCaseStatus.Running))
        {
            var sibling = new Project(Guid.NewGuid(), NewCode(project.CountyCode), project.Name + "（另一标段）", EnterpriseId, project.CountyCode,
                project.Industry, project.TotalInvestment, project.Kind, project.List, project.RegisteredAt, "test");
            if (project.PairedLeaderUserId is { } leader) sibling.AssignPairedLeader(leader, project.PairedLeaderName, "test", project.RegisteredAt);
            db.Add(sibling);
            project = sibling;
        }
        var approvalCase = new ApprovalCase(project.Id, EnterpriseId, project.CountyCode, ApprovalMode.Normal, Guid.NewGuid(), "test", 1, acceptedAt, "test");
        var step = new ApprovalStep(approvalCase.Id, approvalCase.CountyCode, stepCode, stepCode, department, limit, false, false, false, acceptedAt);
        step.StartClock(acceptedAt, calendar.AddWorkingDays(acceptedAt, limit));
        step.MoveTo(StepStatus.UnderReview, acceptedAt, "test");
        if (decidedAt is { } at)
        {
            step.MoveTo(StepStatus.Approved, at, "test");
            approvalCase.End(ApprovalCaseStatus.Completed, at);
        }
        approvalCase.Steps.Add(step);
        db.Add(approvalCase);
        await db.SaveChangesAsync();
        Cases[key] = approvalCase.Id;
    }

    public async Task<HttpClient> SupervisorAsync() => await App.ClientForAsync(ProjectWorld.Supervisor);

    public async Task<HttpClient> UserAsync(string role, string? department = null, string? county = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Department = department, County = county };
            (await users.CreateAsync(user, DemoAccount.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }
        return await App.LoginAsync(email);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_ownsFactory) await _factory.DisposeAsync();
    }
}
