using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Approvals;

/// <summary>An enterprise with a project, officers of every department, and the calls a case scenario makes.</summary>
public sealed class ApprovalWorld
{
    public static readonly string[] Steps = ["land", "planning", "eia", "safety", "permit"];

    public static readonly IReadOnlyDictionary<string, string> DepartmentOf = new Dictionary<string, string>
    {
        ["land"] = "natural-resources",
        ["planning"] = "natural-resources",
        ["eia"] = "ecology-environment",
        ["safety"] = "emergency-management",
        ["permit"] = "housing-construction",
        ["register"] = "administrative-approval",
        ["start-conditions"] = "development-reform",
    };

    private readonly Dictionary<string, HttpClient> _officers = [];
    private readonly Dictionary<string, string> _officerEmails = [];

    private ApprovalWorld(WebApplicationFactory<Program> factory, HttpClient admin, HttpClient enterprise, Guid enterpriseId, Guid projectId)
    {
        Factory = factory;
        Admin = admin;
        Enterprise = enterprise;
        EnterpriseId = enterpriseId;
        ProjectId = projectId;
    }

    public WebApplicationFactory<Program> Factory { get; }
    public HttpClient Admin { get; }
    public HttpClient Enterprise { get; }
    public Guid EnterpriseId { get; }
    public Guid ProjectId { get; }

    public static async Task<ApprovalWorld> CreateAsync(WebApplicationFactory<Program> factory, string enterpriseName = "衡水某制造有限公司")
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterpriseId = await admin.RegisterEnterpriseAsync(enterpriseName);
        var enterprise = await factory.EnterpriseUserAsync(admin, enterpriseId);
        var project = await enterprise.RegisteredProjectAsync(ProjectWorld.NewProject());
        return new ApprovalWorld(factory, admin, enterprise, enterpriseId, project.Id());
    }

    /// <summary>An officer of the department, made once per world through the app's user manager.</summary>
    public async Task<HttpClient> OfficerAsync(string department)
    {
        if (_officers.TryGetValue(department, out var client)) return client;
        var email = $"officer-{department}-{Guid.NewGuid():N}@test.local";
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Department = department };
            (await users.CreateAsync(user, DemoAccount.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, AppRoles.Officer)).Succeeded.ShouldBeTrue();
        }
        client = await Factory.LoginAsync(email);
        _officers[department] = client;
        _officerEmails[department] = email;
        return client;
    }

    /// <summary>A new login of the department's officer, e.g. after the clock jumped past the old token's lifetime.</summary>
    public async Task<HttpClient> LoginAgainAsync(string department)
    {
        var client = await Factory.LoginAsync(_officerEmails[department]);
        _officers[department] = client;
        return client;
    }

    public Task<HttpClient> OfficerOfStepAsync(string step) => OfficerAsync(DepartmentOf[step]);

    public async Task<JsonObject> StartAsync(string mode = "normal")
    {
        var response = await Enterprise.PostAsJsonAsync("/api/cases", new { projectId = ProjectId, mode });
        return await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonObject> GetCaseAsync(HttpClient client, Guid caseId) =>
        await (await client.GetAsync($"/api/cases/{caseId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

    /// <summary>
    /// The open task the shipped model calls <paramref name="shippedId"/>: found by that element's step and role (so the same
    /// scenario runs on a model whose ids were renamed, see <see cref="ShippedModels"/>), else by id.
    /// </summary>
    public static Guid TaskId(JsonObject approvalCase, string shippedId)
    {
        var tasks = approvalCase["openTasks"]!.AsArray();
        var task = ShippedModels.RoleOf(shippedId) is { } role
            ? tasks.Single(t => t!["stepCode"]?.GetValue<string>() == role.Step && t["role"]?.GetValue<string>() == role.Role)
            : tasks.Single(t => t.Text("elementId") == shippedId);
        return task!["id"]!.GetValue<Guid>();
    }

    public static JsonNode Step(JsonObject approvalCase, string stepCode) =>
        approvalCase["steps"]!.AsArray().Single(s => s.Text("stepCode") == stepCode)!;

    public static string StatusOf(JsonObject approvalCase, string stepCode) => Step(approvalCase, stepCode).Text("status");

    /// <summary>Takes the action on the case's open task of that element, as the given client, and returns the case afterwards.</summary>
    public static async Task<JsonObject> ActAsync(HttpClient client, JsonObject approvalCase, string elementId, string action, object? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/tasks/{TaskId(approvalCase, elementId)}/{action}", body ?? new { });
        return await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    public async Task<JsonObject> RegisterAsync(JsonObject approvalCase) =>
        await ActAsync(await OfficerAsync("administrative-approval"), approvalCase, "registration", "accept");

    /// <summary>Accept, review and decide one step by its department's officer.</summary>
    public async Task<JsonObject> RunStepAsync(JsonObject approvalCase, string step, string outcome = "approve", string? opinion = null)
    {
        var officer = await OfficerOfStepAsync(step);
        approvalCase = await ActAsync(officer, approvalCase, step + "Accept", "accept");
        approvalCase = await ActAsync(officer, approvalCase, step + "Review", "review");
        return await ActAsync(officer, approvalCase, step + "Decide", "decide", new { outcome, opinion = opinion ?? $"{step}: {outcome}" });
    }
}
