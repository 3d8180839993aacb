using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Authorization;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Security;

/// <summary>
/// Two enterprises, each with a project in 桃城区 and a running case; officers of the land step's department
/// (natural-resources) at city level, in the case's county and in another county; an officer of another department
/// (emergency-management); a supervisor, a paired leader who leads neither project, an administrator and nobody.
/// Enterprise A's case has its land step open for acceptance, a file on that task, a tolerated-gap pledge for the
/// planning step; a plain process (not an approval case) has a task for natural-resources.
/// </summary>
public sealed class SecurityWorld
{
    public const string Admin = Callers.Administrator;
    public const string OwnEnterprise = Callers.OwnEnterprise;
    public const string OtherEnterprise = Callers.OtherEnterprise;
    /// <summary>natural-resources, city level: the land step is its department's.</summary>
    public const string LandOfficer = "officer-land-city";
    /// <summary>natural-resources, county 桃城区 (the case's county).</summary>
    public const string LandOfficerSameCounty = "officer-land-same-county";
    /// <summary>natural-resources, county 冀州区 (not the case's county).</summary>
    public const string LandOfficerOtherCounty = "officer-land-other-county";
    /// <summary>emergency-management, city level: the safety step is its department's, the land step is not.</summary>
    public const string OtherDepartmentOfficer = "officer-other-department";
    public const string Supervisor = Callers.Supervisor;
    public const string PairedLeader = Callers.PairedLeader;
    public const string Anonymous = Callers.Anonymous;

    public const string CaseCounty = "131102";
    public const string OtherCounty = "131103";

    public static readonly string[] Signed =
        [Admin, OwnEnterprise, OtherEnterprise, LandOfficer, LandOfficerSameCounty, LandOfficerOtherCounty, OtherDepartmentOfficer, Supervisor, PairedLeader];

    private readonly Dictionary<string, HttpClient> _clients = new();

    private SecurityWorld(WebAppFactory factory, ApprovalWorld approvals)
    {
        Factory = factory;
        Approvals = approvals;
    }

    public WebAppFactory Factory { get; }
    public ApprovalWorld Approvals { get; }
    public HttpClient Client(string caller) => _clients[caller];
    public Dictionary<string, string> Emails { get; } = new();

    public Guid ProjectA => Approvals.ProjectId;
    public Guid EnterpriseA => Approvals.EnterpriseId;
    public string ProjectNameA { get; private set; } = "";
    public string ProjectCodeA { get; private set; } = "";
    public Guid CaseA { get; private set; }
    public Guid InstanceA { get; private set; }
    public Guid LandAcceptTaskA { get; private set; }
    public Guid LandStepA { get; private set; }
    public Guid AttachmentA { get; private set; }
    public Guid PlanningPledgeA { get; private set; }
    public Guid CaseB { get; private set; }
    public Guid PlainInstance { get; private set; }
    public Guid PlainTask { get; private set; }

    public static async Task<SecurityWorld> CreateAsync(WebAppFactory factory)
    {
        var approvals = await ApprovalWorld.CreateAsync(factory, "衡水某安全测试甲有限公司");
        var world = new SecurityWorld(factory, approvals);
        var admin = approvals.Admin;
        world._clients[Admin] = admin;
        world._clients[OwnEnterprise] = approvals.Enterprise;
        var enterpriseB = await admin.RegisterEnterpriseAsync("衡水某安全测试乙有限公司");
        world._clients[OtherEnterprise] = await factory.EnterpriseUserAsync(admin, enterpriseB);
        world._clients[LandOfficer] = await world.OfficerAsync("natural-resources", null);
        world._clients[LandOfficerSameCounty] = await world.OfficerAsync("natural-resources", CaseCounty);
        world._clients[LandOfficerOtherCounty] = await world.OfficerAsync("natural-resources", OtherCounty);
        world._clients[OtherDepartmentOfficer] = await world.OfficerAsync("emergency-management", null);
        world._clients[Supervisor] = await factory.ClientForAsync(ProjectWorld.Supervisor);
        world._clients[PairedLeader] = await factory.ClientForAsync(ProjectWorld.Leader);
        world._clients[Anonymous] = factory.CreateClient();

        var caseA = await approvals.RegisterAsync(await approvals.StartAsync());
        world.CaseA = caseA.Id();
        var projectA = await (await admin.GetAsync($"/api/projects/{approvals.ProjectId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        world.ProjectNameA = projectA.Text("name");
        world.ProjectCodeA = projectA.Text("code");
        world.LandAcceptTaskA = ApprovalWorld.TaskId(caseA, "landAccept");
        world.LandStepA = ApprovalWorld.Step(caseA, "land").Id();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            world.InstanceA = await db.Set<ApprovalCase>().Where(c => c.Id == world.CaseA).Select(c => c.InstanceId).SingleAsync();
        }
        world.AttachmentA = await world.AttachAsync(world.Client(LandOfficer), world.LandAcceptTaskA);

        var pledge = await approvals.Enterprise.PostAsJsonAsync("/api/pledges", new
        {
            projectId = approvals.ProjectId,
            scheme = "tolerated-gap",
            stepCode = "planning",
            text = "本企业承诺在规定期限内补齐规划许可的容缺材料，逾期未补齐的自愿承担相应责任。",
        });
        world.PlanningPledgeA = (await pledge.ShouldHaveStatusAsync(HttpStatusCode.Created)).Id();

        var enterpriseBClient = world.Client(OtherEnterprise);
        var projectB = (await enterpriseBClient.RegisteredProjectAsync(ProjectWorld.NewProject())).Id();
        var caseB = await enterpriseBClient.PostAsJsonAsync("/api/cases", new { projectId = projectB, mode = "normal" });
        world.CaseB = (await caseB.ShouldHaveStatusAsync(HttpStatusCode.Created)).Id();

        await admin.DeployAsync("land-review");
        var plain = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "land-review", businessKey = "plain-1" });
        world.PlainInstance = (await plain.ShouldHaveStatusAsync(HttpStatusCode.Created)).Id();
        var plainTasks = await admin.GetJsonArrayAsync($"/api/tasks?instanceId={world.PlainInstance}");
        world.PlainTask = plainTasks.ShouldHaveSingleItem()!["id"]!.GetValue<Guid>();
        return world;
    }

    /// <summary>An officer of the department, at city level (no county) or in the county, logged in.</summary>
    public async Task<HttpClient> OfficerAsync(string department, string? county, params string[] moreRoles)
    {
        var email = $"sec-{department}-{county ?? "city"}-{Guid.NewGuid():N}@test.local";
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Department = department, County = county };
            (await users.CreateAsync(user, DemoAccount.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRolesAsync(user, [AppRoles.Officer, .. moreRoles])).Succeeded.ShouldBeTrue();
        }
        Emails[email] = department;
        return await Factory.LoginAsync(email);
    }

    public async Task<Guid> AttachAsync(HttpClient client, Guid taskId)
    {
        using var form = PdfUpload("land-material.pdf");
        var response = await client.PostAsync($"/api/tasks/{taskId}/attachments", form);
        return (await response.ShouldHaveStatusAsync(HttpStatusCode.Created)).Id();
    }

    /// <summary>A one-file multipart body carrying a small PDF, as the attachment route takes it.</summary>
    public static MultipartFormDataContent PdfUpload(string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4\n%测试材料\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>Every table's row count but the audit log's, and the number of successful audit entries.</summary>
    public async Task<WorldSnapshot> SnapshotAsync()
    {
        var rows = await TableCounts.OfAsync(Factory);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var succeeded = await db.Set<Features.Audit.AuditEntry>().CountAsync(e => e.Outcome == Features.Audit.AuditOutcome.Succeeded);
        return new WorldSnapshot(rows, succeeded);
    }

    public async Task<JsonObject> CaseAsync(Guid caseId) => await ApprovalWorld.GetCaseAsync(Client(Admin), caseId);
}

/// <summary>What a refused call must not change: the rows of every table, and the audit log's successful entries.</summary>
public sealed record WorldSnapshot(IReadOnlyDictionary<string, long> Counts, int SucceededAuditEntries)
{
    public void ShouldBeUnchangedFrom(WorldSnapshot before, string what)
    {
        Counts.Where(c => before.Counts[c.Key] != c.Value).Select(c => $"{c.Key}: {before.Counts[c.Key]} -> {c.Value}")
            .ShouldBeEmpty($"{what} wrote rows");
        SucceededAuditEntries.ShouldBe(before.SucceededAuditEntries, $"{what} was audited as a success");
    }
}
