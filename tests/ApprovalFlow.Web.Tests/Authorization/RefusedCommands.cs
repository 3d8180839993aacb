using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using static ApprovalFlow.Web.Tests.Authorization.Callers;

namespace ApprovalFlow.Web.Tests.Authorization;

/// <summary>
/// Every command endpoint with the callers who must be refused it. Role gates answer 403; an enterprise asking about
/// another enterprise's project is told it does not exist (404), as the API hides other enterprises' resources.
/// </summary>
public static class RefusedCommands
{
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;
    /// <summary>A generic engine write on an approval case, by a caller who may see the case: sent to the approval route.</summary>
    private const HttpStatusCode ApprovalRoute = HttpStatusCode.Conflict;

    // Declared before All, whose initialiser reads it.
    /// <summary>Commands on a running case: each knock gets a case of its own (see <see cref="AuthorizationWorld.WithFreshCaseAsync"/>).</summary>
    private static readonly HashSet<string> OnCase =
    [
        "accept step", "review step", "decide step", "resubmit step", "verify pledge on case", "claim case task", "pause step clock",
        "resume step clock", "suspend instance", "resume instance", "send back instance", "complete engine task", "claim engine task",
        "reassign engine task", "cancel instance",
    ];

    public static readonly IReadOnlyList<RefusedCommand> All =
    [
        Command("register project", HttpMethod.Post, _ => "/api/projects",
            w => Json(ProjectWorld.NewProject(enterpriseId: w.EnterpriseId)),
            Only(Forbidden, OwnOfficer, DepartmentHead, OtherOfficer, Supervisor, PairedLeader), (OtherEnterprise, Forbidden)),
        Command("change project list", HttpMethod.Post, w => $"/api/projects/{w.ProjectId}/list",
            _ => Json(new { list = "under-construction", reason = "不应生效" }),
            Only(Forbidden, OwnOfficer, DepartmentHead, OtherOfficer, OwnEnterprise, OtherEnterprise, PairedLeader)),
        Command("assign paired leader", HttpMethod.Put, w => $"/api/projects/{w.ProjectId}/paired-leader",
            _ => Json(new { name = "某副县长" }), Only(Forbidden, AllBut(Administrator))),
        Command("register enterprise", HttpMethod.Post, _ => "/api/enterprises",
            _ => Json(new { name = "衡水某越权有限公司", creditCode = ProjectWorld.NewCreditCode(), contactName = "张三", contactPhone = "13800000000" }),
            Only(Forbidden, AllBut(Administrator))),
        Command("assign enterprise user", HttpMethod.Post, w => $"/api/enterprises/{w.EnterpriseId}/users",
            _ => Json(new { email = "leader@approvalflow.local" }), Only(Forbidden, AllBut(Administrator))),
        Command("start approval", HttpMethod.Post, _ => "/api/cases",
            w => Json(new { projectId = w.ProjectId, mode = "normal" }),
            Only(Forbidden, OwnOfficer, DepartmentHead, OtherOfficer, Supervisor, PairedLeader), (OtherEnterprise, Hidden)),
        Command("accept step", HttpMethod.Post, w => $"/api/tasks/{w.RegisterTaskId}/accept", _ => Json(new { }),
            Only(Forbidden, AllBut(OwnOfficer, DepartmentHead))),
        Command("review step", HttpMethod.Post, w => $"/api/tasks/{w.RegisterTaskId}/review", _ => Json(new { opinion = "越权" }),
            Only(Forbidden, AllBut(OwnOfficer, DepartmentHead))),
        Command("decide step", HttpMethod.Post, w => $"/api/tasks/{w.RegisterTaskId}/decide",
            _ => Json(new { outcome = "approve", opinion = "越权" }), Only(Forbidden, AllBut(OwnOfficer, DepartmentHead))),
        Command("resubmit step", HttpMethod.Post, w => $"/api/tasks/{w.RegisterTaskId}/resubmit", _ => Json(new { note = "越权" }),
            Only(Forbidden, Administrator, OwnOfficer, DepartmentHead, OtherOfficer, Supervisor, PairedLeader), (OtherEnterprise, Hidden)),
        Command("verify pledge on case", HttpMethod.Post, w => $"/api/tasks/{w.RegisterTaskId}/verify-pledge",
            _ => Json(new { method = "written", broken = true, note = "越权" }),
            Only(Forbidden, Administrator, OwnEnterprise, OtherEnterprise, Supervisor, PairedLeader)),
        Command("claim case task", HttpMethod.Post, w => $"/api/case-tasks/{w.RegisterTaskId}/claim", _ => Json(new { }),
            Only(Forbidden, AllBut(OwnOfficer, DepartmentHead))),
        Command("pause step clock", HttpMethod.Post, w => $"/api/steps/{w.LandStepId}/pause", _ => Json(new { reason = "越权" }),
            Only(Forbidden, AllBut(OwnOfficer, DepartmentHead))),
        Command("resume step clock", HttpMethod.Post, w => $"/api/steps/{w.LandStepId}/resume", _ => Json(new { }),
            Only(Forbidden, AllBut(OwnOfficer, DepartmentHead))),
        Command("confirm start conditions", HttpMethod.Post, w => $"/api/cases/{w.ConfirmableCaseId}/confirm-start",
            _ => Json(new { met = true, opinion = "越权" }), Only(Forbidden, AllBut(OwnOfficer, DepartmentHead))),
        Command("sign pledge", HttpMethod.Post, _ => "/api/pledges",
            w => Json(new { projectId = w.ProjectId, scheme = "tolerated-gap", stepCode = "land", text = "越权代签的承诺书，不应保存。" }),
            Only(Forbidden, Administrator, OwnOfficer, DepartmentHead, OtherOfficer, Supervisor, PairedLeader), (OtherEnterprise, Forbidden)),
        Command("verify pledge", HttpMethod.Post, w => $"/api/pledges/{w.PledgeId}/verifications",
            _ => Json(new { method = "written", result = "broken", note = "越权" }),
            Only(Forbidden, Administrator, OwnEnterprise, OtherEnterprise, PairedLeader)),
        Command("record breach", HttpMethod.Post, w => $"/api/pledges/{w.PledgeId}/breach", _ => Json(new { reason = "越权" }),
            Only(Forbidden, OwnEnterprise, OtherEnterprise, PairedLeader)),
        Command("repair credit", HttpMethod.Post, w => $"/api/credit/{w.Nothing}/repair", _ => Json(new { note = "越权" }),
            Only(Forbidden, AllBut(Administrator))),
        Command("supply gap material", HttpMethod.Post, w => $"/api/gaps/{w.Nothing}/supply",
            _ => Json(new { materialCode = "land-use", note = "越权" }),
            Only(Forbidden, OwnOfficer, DepartmentHead, OtherOfficer, Supervisor, PairedLeader)),
        Command("save material", HttpMethod.Put, _ => "/api/materials",
            _ => Json(new { stepCode = "land", code = "forged", name = "越权材料", kind = "main" }), Only(Forbidden, AllBut(Administrator))),
        Command("remove material", HttpMethod.Delete, w => $"/api/materials/{w.Nothing}", _ => null, Only(Forbidden, AllBut(Administrator))),
        Command("set calendar day", HttpMethod.Put, _ => "/api/calendar/days/2026-12-02",
            _ => Json(new { kind = "holiday", name = "越权假日" }), Only(Forbidden, AllBut(Administrator))),
        Command("clear calendar day", HttpMethod.Delete, _ => "/api/calendar/days/2026-10-01", _ => null, Only(Forbidden, AllBut(Administrator))),
        Command("list audit", HttpMethod.Get, _ => "/api/audit", _ => null,
            Only(Forbidden, OwnOfficer, DepartmentHead, OtherOfficer, OwnEnterprise, OtherEnterprise, PairedLeader)),
        Command("verify audit", HttpMethod.Get, _ => "/api/audit/verify", _ => null,
            Only(Forbidden, OwnOfficer, DepartmentHead, OtherOfficer, OwnEnterprise, OtherEnterprise, PairedLeader)),
        Command("ping audit", HttpMethod.Post, _ => "/api/audit/ping", _ => Json(new { note = "越权" }),
            Only(Forbidden, OwnOfficer, DepartmentHead, OtherOfficer, OwnEnterprise, OtherEnterprise, PairedLeader)),
        Command("suspend instance", HttpMethod.Post, w => $"/api/instances/{w.InstanceId}/suspend", _ => Json(new { reason = "越权" }),
            Only(Forbidden, OwnEnterprise, OtherEnterprise, Supervisor, PairedLeader), (OtherOfficer, ApprovalRoute)),
        Command("resume instance", HttpMethod.Post, w => $"/api/instances/{w.InstanceId}/resume", _ => Json(new { }),
            Only(Forbidden, OwnEnterprise, OtherEnterprise, Supervisor, PairedLeader), (OtherOfficer, ApprovalRoute)),
        Command("send back instance", HttpMethod.Post, w => $"/api/instances/{w.InstanceId}/send-back",
            _ => Json(new { fromElementId = "registration", toElementId = "registration", reason = "越权" }),
            Only(Forbidden, OwnEnterprise, OtherEnterprise, Supervisor, PairedLeader), (OtherOfficer, ApprovalRoute)),
        Command("migrate instances", HttpMethod.Post, _ => "/api/definitions/pre-construction-approval/migrations",
            _ => Json(new { fromVersion = 1, toVersion = 2 }), Only(Forbidden, AllBut(Administrator))),
        Command("retry incident", HttpMethod.Post, w => $"/api/incidents/{w.Nothing}/retry", _ => Json(new { }),
            Only(Forbidden, AllBut(Administrator))),
        Command("resolve incident", HttpMethod.Post, w => $"/api/incidents/{w.Nothing}/resolve", _ => Json(new { note = "越权" }),
            Only(Forbidden, AllBut(Administrator))),
        Command("deploy definition", HttpMethod.Post, _ => "/api/definitions", _ => Bpmn("land-review"),
            Only(Forbidden, AllBut(Administrator))),
        Command("start engine instance", HttpMethod.Post, _ => "/api/instances",
            _ => Json(new { definitionKey = "pre-construction-approval", businessKey = "越权" }),
            Only(Forbidden, OwnEnterprise, OtherEnterprise, Supervisor, PairedLeader)),
        Command("complete engine task", HttpMethod.Post, w => $"/api/tasks/{w.RegisterTaskId}/complete", _ => Json(new { }),
            Only(Forbidden, OwnEnterprise, Supervisor, PairedLeader, OtherOfficer), (OtherEnterprise, Hidden)),
        Command("claim engine task", HttpMethod.Post, w => $"/api/tasks/{w.RegisterTaskId}/claim", _ => Json(new { }),
            Only(Forbidden, OwnEnterprise, Supervisor, PairedLeader, OtherOfficer), (OtherEnterprise, Hidden)),
        Command("reassign engine task", HttpMethod.Put, w => $"/api/tasks/{w.RegisterTaskId}/assignee", _ => Json(new { userId = "leader@approvalflow.local" }),
            Only(Forbidden, OwnEnterprise, OtherEnterprise, Supervisor, PairedLeader, OtherOfficer)),
        Command("cancel instance", HttpMethod.Post, w => $"/api/instances/{w.InstanceId}/cancel", _ => Json(new { reason = "越权" }),
            Only(Forbidden, OwnEnterprise, OtherEnterprise, Supervisor, PairedLeader), (OtherOfficer, ApprovalRoute)),
    ];

    public static RefusedCommand Named(string name) => All.Single(c => c.Name == name);

    /// <summary>(command, caller) for every refusal, anonymous included for every command.</summary>
    public static TheoryData<string, string> Refusals()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in All)
        {
            foreach (var caller in command.Refused.Keys) data.Add(command.Name, caller);
        }
        return data;
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var command in All) data.Add(command.Name);
        return data;
    }

    private static RefusedCommand Command(string name, HttpMethod method, Func<AuthorizationWorld, string> path,
        Func<AuthorizationWorld, HttpContent?> body, IEnumerable<(string Caller, HttpStatusCode Status)> refused,
        params (string Caller, HttpStatusCode Status)[] more) =>
        new(name, method, path, body, refused.Concat(more).Append((Anonymous, HttpStatusCode.Unauthorized))
            .ToDictionary(r => r.Item1, r => r.Item2), OnCase.Contains(name));

    private static IEnumerable<(string Caller, HttpStatusCode Status)> Only(HttpStatusCode status, params string[] callers) =>
        callers.Select(c => (c, status));

    private static JsonContent Json(object body) => JsonContent.Create(body);

    private static ByteArrayContent Bpmn(string name)
    {
        var content = new ByteArrayContent(Scenario.Bpmn(name));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        return content;
    }
}
