using System.Net;
using System.Net.Http.Json;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Audit;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Authorization;

/// <summary>
/// Two enterprises, an officer of the department that owns the case's first task and one of a department that has
/// nothing to do yet, a supervisor, a paired leader, and one running case with a signed pledge: enough to knock on
/// every command with a resource that exists.
/// </summary>
public sealed class AuthorizationWorld
{
    private readonly Dictionary<string, HttpClient> _clients;

    private AuthorizationWorld(WebAppFactory factory, Dictionary<string, HttpClient> clients)
    {
        Factory = factory;
        _clients = clients;
    }

    public WebAppFactory Factory { get; }
    public Guid EnterpriseId { get; private init; }
    public Guid ProjectId => Case.ProjectId;
    public CaseUnderTest Case { get; private init; } = null!;
    public Guid CaseId => Case.CaseId;
    public Guid InstanceId => Case.InstanceId;
    public Guid RegisterTaskId => Case.RegisterTaskId;
    public Guid LandStepId => Case.LandStepId;

    /// <summary>A case whose steps have all ended, waiting for development and reform to confirm the start conditions.</summary>
    public Guid ConfirmableCaseId { get; private init; }

    public Guid PledgeId { get; private init; }

    /// <summary>Ids of nothing: commands refused by role never look them up.</summary>
    public Guid Nothing { get; } = Guid.NewGuid();

    public HttpClient Client(string caller) => _clients[caller];

    public static async Task<AuthorizationWorld> CreateAsync(WebAppFactory factory)
    {
        var approvals = await ApprovalWorld.CreateAsync(factory, "衡水某授权测试有限公司");
        var otherEnterpriseId = await approvals.Admin.RegisterEnterpriseAsync("衡水某别家有限公司");
        var clients = new Dictionary<string, HttpClient>
        {
            [Callers.Administrator] = approvals.Admin,
            [Callers.OwnOfficer] = await approvals.OfficerAsync("administrative-approval"),
            [Callers.DepartmentHead] = await factory.LoginAsync((await Chasing.ChaseWorld.UserAsync(factory, "head", "administrative-approval",
                AppRoles.Officer, AppRoles.DepartmentHead)).Email),
            [Callers.OtherOfficer] = await approvals.OfficerAsync("ecology-environment"),
            [Callers.OwnEnterprise] = approvals.Enterprise,
            [Callers.OtherEnterprise] = await factory.EnterpriseUserAsync(approvals.Admin, otherEnterpriseId),
            [Callers.Supervisor] = await factory.ClientForAsync(ProjectWorld.Supervisor),
            [Callers.PairedLeader] = await factory.ClientForAsync(ProjectWorld.Leader),
            [Callers.Anonymous] = factory.CreateClient(),
        };
        // Officers who own the land step and the start conditions, so that the other officer is the only stranger.
        await approvals.OfficerAsync("natural-resources");
        await approvals.OfficerAsync("development-reform");

        var confirmable = await approvals.RegisterAsync(await approvals.StartAsync());
        foreach (var step in ApprovalWorld.Steps) confirmable = await approvals.RunStepAsync(confirmable, step);
        confirmable["openTasks"]!.AsArray().Select(t => t.Text("elementId")).ShouldBe(["confirmStart"]);

        var pledge = await approvals.Enterprise.PostAsJsonAsync("/api/pledges", new
        {
            projectId = approvals.ProjectId,
            scheme = "tolerated-gap",
            stepCode = "land",
            text = "本企业承诺在规定期限内补齐容缺材料，逾期未补齐的自愿承担相应责任。",
        });
        var pledgeId = (await pledge.ShouldHaveStatusAsync(HttpStatusCode.Created)).Id();

        var world = new AuthorizationWorld(factory, clients)
        {
            EnterpriseId = approvals.EnterpriseId,
            ConfirmableCaseId = confirmable.Id(),
            PledgeId = pledgeId,
        };
        return world.WithCase(await world.StartCaseAsync());
    }

    /// <summary>
    /// The same world around a case of its own, for commands on a case: should a refusal leak, the case it moved
    /// is not the one the other refusals look at.
    /// </summary>
    public async Task<AuthorizationWorld> WithFreshCaseAsync() => WithCase(await StartCaseAsync());

    private AuthorizationWorld WithCase(CaseUnderTest approvalCase) => new(Factory, _clients)
    {
        EnterpriseId = EnterpriseId,
        ConfirmableCaseId = ConfirmableCaseId,
        PledgeId = PledgeId,
        Case = approvalCase,
    };

    private async Task<CaseUnderTest> StartCaseAsync()
    {
        var enterprise = Client(Callers.OwnEnterprise);
        var projectId = (await enterprise.RegisteredProjectAsync(ProjectWorld.NewProject())).Id();
        var started = await enterprise.PostAsJsonAsync("/api/cases", new { projectId, mode = "normal" });
        var approvalCase = await started.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var caseId = approvalCase.Id();
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var instanceId = await db.Set<ApprovalCase>().Where(c => c.Id == caseId).Select(c => c.InstanceId).SingleAsync();
        return new CaseUnderTest(projectId, caseId, instanceId, ApprovalWorld.TaskId(approvalCase, "registration"),
            ApprovalWorld.Step(approvalCase, "land").Id());
    }

    public async Task<SnapshotOfRows> SnapshotAsync()
    {
        var counts = await TableCounts.OfAsync(Factory);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lastSequence = await db.Set<AuditEntry>().Select(e => (long?)e.Sequence).MaxAsync() ?? 0;
        var admin = Client(Callers.Administrator);
        string[] shown =
        [
            await (await admin.GetAsync($"/api/cases/{CaseId}")).Content.ReadAsStringAsync(),
            await (await admin.GetAsync($"/api/instances/{InstanceId}")).Content.ReadAsStringAsync(),
            await (await admin.GetAsync($"/api/cases/{ConfirmableCaseId}")).Content.ReadAsStringAsync(),
        ];
        return new SnapshotOfRows(counts, lastSequence, shown);
    }

    /// <summary>The outcomes of the audit entries written after the given sequence.</summary>
    public async Task<List<AuditOutcome>> AuditOutcomesAfterAsync(long sequence)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<AuditEntry>().Where(e => e.Sequence > sequence).Select(e => e.Outcome).ToListAsync();
    }
}
