using System.Net.Http.Json;
using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Features.Pledges;
using ApprovalFlow.Web.Features.Projects;

namespace ApprovalFlow.BrowserTests.Infrastructure;

/// <summary>
/// Brings a case to the point a browser test starts from, through the public API as the people themselves would:
/// what the test is about is then done in the browser. Every test works on a project of its own.
/// </summary>
public sealed class CaseSetup(BrowserApp app)
{
    public const string Enterprise = "enterprise@approvalflow.local";
    public const string NaturalResourcesOfficer = "officer@approvalflow.local";
    public const string WindowOfficer = "officer.administrative-approval@approvalflow.local";

    /// <summary>A fresh GB/T 40058-2021 project code of Taocheng district (131102), with its check digit.</summary>
    public static string NewProjectCode()
    {
        var serial = Random.Shared.Next(10_000, 99_999).ToString();
        var digits = "2611" + "131102" + "04" + "01" + serial;
        return $"2611-131102-04-01-{serial}{ProjectCodeCheckDigit.Iso7064Mod11Radix10(digits)}";
    }

    public async Task<ProjectResponse> RegisterProjectAsync(string name)
    {
        var enterprise = await app.ApiAsync(Enterprise);
        var response = await enterprise.PostAsJsonAsync("/api/projects",
            new RegisterProjectRequest(NewProjectCode(), name, null, "131102", "新材料", 60_000m, "filed", "planned-new-start"));
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<ProjectResponse>())!;
    }

    /// <summary>A normal case of a new project, registered at the one window: its five steps wait for acceptance.</summary>
    public async Task<CaseResponse> RegisteredCaseAsync(string projectName)
    {
        var project = await RegisterProjectAsync(projectName);
        var enterprise = await app.ApiAsync(Enterprise);
        var response = await enterprise.PostAsJsonAsync("/api/cases", new StartApprovalRequest(project.Id, "normal"));
        await EnsureAsync(response);
        var started = (await response.Content.ReadFromJsonAsync<CaseResponse>())!;
        return await ActAsync(WindowOfficer, started, "registration", "accept", new AcceptStepRequest(null));
    }

    /// <summary>The enterprise signs a tolerated-gap pledge (容缺受理承诺书) for one step of its project.</summary>
    public async Task<PledgeResponse> SignGapPledgeAsync(Guid projectId, string stepCode)
    {
        var enterprise = await app.ApiAsync(Enterprise);
        var response = await enterprise.PostAsJsonAsync("/api/pledges",
            new SignPledgeRequest(projectId, "tolerated-gap", stepCode, "本企业承诺在规定期限内补齐所缺材料，逾期未补齐的自愿承担相应责任。"));
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<PledgeResponse>())!;
    }

    /// <summary>A registered case whose planning step the officer accepted with the business licence missing.</summary>
    public async Task<(CaseResponse Case, PledgeResponse Pledge)> CaseWithOpenGapAsync(string projectName)
    {
        var approvalCase = await RegisteredCaseAsync(projectName);
        var pledge = await SignGapPledgeAsync(approvalCase.ProjectId, "planning");
        var gap = new ToleratedGapRequest(["business-licence"], pledge.Id, DateTime.UtcNow.AddDays(7));
        approvalCase = await ActAsync(NaturalResourcesOfficer, approvalCase, "planningAccept", "accept", new AcceptStepRequest(gap));
        return (approvalCase, pledge);
    }

    public async Task<CaseResponse> ActAsync(string email, CaseResponse approvalCase, string elementId, string action, object body)
    {
        var client = await app.ApiAsync(email);
        var task = approvalCase.OpenTasks.Single(t => t.ElementId == elementId);
        var response = await client.PostAsJsonAsync($"/api/tasks/{task.Id}/{action}", body);
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<CaseResponse>())!;
    }

    public async Task<CaseResponse> CaseAsync(string email, Guid caseId)
    {
        var client = await app.ApiAsync(email);
        return (await client.GetFromJsonAsync<CaseResponse>($"/api/cases/{caseId}"))!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: "
                + await response.Content.ReadAsStringAsync());
    }
}
