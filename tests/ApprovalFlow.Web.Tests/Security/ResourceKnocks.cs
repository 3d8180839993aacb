using System.Net;
using System.Net.Http.Json;
using static ApprovalFlow.Web.Tests.Security.SecurityWorld;

namespace ApprovalFlow.Web.Tests.Security;

/// <summary>One route on one resource of enterprise A's world, with the callers who may and the answer everyone else gets.</summary>
public sealed record ResourceKnock(
    string Route, string Resource, Func<SecurityWorld, string> Path, object? Body, string[] Allowed,
    IReadOnlyDictionary<string, HttpStatusCode> Refused, Func<SecurityWorld, object>? BodyFor = null)
{
    public string Name => $"{Route} on {Resource}";

    public bool IsRead => Route.StartsWith("GET ", StringComparison.Ordinal);

    /// <summary>What a refused caller is answered: as listed, else 403.</summary>
    public HttpStatusCode ExpectedFor(string caller) => Refused.GetValueOrDefault(caller, HttpStatusCode.Forbidden);

    /// <summary>The body: <see cref="BodyFor"/> when the resource is named in the body rather than the path, else <see cref="Body"/>.</summary>
    public HttpContent? Content(SecurityWorld world) => (BodyFor?.Invoke(world) ?? Body) is { } body ? JsonContent.Create(body) : null;
}

/// <summary>
/// The resource matrix (docs/security.md): each route that takes a resource id, knocked on by every signed-in caller.
/// Reads are also made by the callers who may, and must answer 200. Writes are never made by an allowed caller here
/// (the scenario suites do that); every refused write must leave every table's row count and the audit log's
/// successful entries as they were.
/// </summary>
public static class ResourceKnocks
{
    private const HttpStatusCode Hidden = HttpStatusCode.NotFound;
    private const HttpStatusCode Conflict = HttpStatusCode.Conflict;

    /// <summary>Who may see enterprise A's case (in 桃城区): its enterprise, the case's departments in its county or the city, supervisors, administrators.</summary>
    private static readonly string[] SeeCase = [Admin, OwnEnterprise, LandOfficer, LandOfficerSameCounty, OtherDepartmentOfficer, Supervisor];

    private static readonly Dictionary<string, HttpStatusCode> CaseHidden = new()
    {
        [OtherEnterprise] = Hidden, [LandOfficerOtherCounty] = Hidden, [PairedLeader] = Hidden,
    };

    /// <summary>The land step's task: natural-resources officers in the case's county or the city, and administrators.</summary>
    private static readonly string[] SeeLandTask = [Admin, LandOfficer, LandOfficerSameCounty];

    private static readonly Dictionary<string, HttpStatusCode> LandTaskHidden = new()
    {
        [OtherEnterprise] = Hidden, [LandOfficerOtherCounty] = Hidden,
    };

    /// <summary>A generic engine write on an approval case's task: those who could act are sent to the approval route (409).</summary>
    private static readonly Dictionary<string, HttpStatusCode> GenericTaskWrite = new()
    {
        [Admin] = Conflict, [LandOfficer] = Conflict, [LandOfficerSameCounty] = Conflict,
        [OtherEnterprise] = Hidden, [LandOfficerOtherCounty] = Hidden,
    };

    /// <summary>The same on a generic write the role gate keeps to administrators and officers: enterprises stop at the gate.</summary>
    private static readonly Dictionary<string, HttpStatusCode> GenericStaffTaskWrite = new()
    {
        [Admin] = Conflict, [LandOfficer] = Conflict, [LandOfficerSameCounty] = Conflict, [LandOfficerOtherCounty] = Hidden,
    };

    private static readonly Dictionary<string, HttpStatusCode> GenericInstanceWrite = new()
    {
        [Admin] = Conflict, [LandOfficer] = Conflict, [LandOfficerSameCounty] = Conflict, [OtherDepartmentOfficer] = Conflict,
        [LandOfficerOtherCounty] = Hidden,
    };

    /// <summary>A signal to case A's instance (no role gate): whoever sees the case is sent to the approval routes (409), the rest find nothing.</summary>
    private static readonly Dictionary<string, HttpStatusCode> SignalToCase =
        SeeCase.ToDictionary(c => c, _ => Conflict).Concat(CaseHidden).ToDictionary(p => p.Key, p => p.Value);

    private static readonly Dictionary<string, HttpStatusCode> ApprovalTaskAction = new() { [LandOfficerOtherCounty] = Hidden };

    /// <summary>The plain process's task (natural-resources; plain processes have no county) and instance.</summary>
    private static readonly string[] SeePlain = [Admin, LandOfficer, LandOfficerSameCounty, LandOfficerOtherCounty];

    private static readonly Dictionary<string, HttpStatusCode> None = new();

    public static readonly IReadOnlyList<ResourceKnock> All =
    [
        Read("GET /api/cases/{id}", "case A", w => $"/api/cases/{w.CaseA}", SeeCase, CaseHidden),
        Read("GET /api/cases/{id}/diagram", "case A", w => $"/api/cases/{w.CaseA}/diagram", SeeCase, CaseHidden),
        Read("GET /api/cases/{id}/documents", "case A", w => $"/api/cases/{w.CaseA}/documents", SeeCase, CaseHidden),
        // Case A's land step is not accepted yet, so it has no document: those who see the case find none (404), as do
        // those who may not see it. The documents scenarios (Documents/DocumentScenarios) download real ones.
        new("GET /api/cases/{id}/documents/{kind}", "case A's land step", w => $"/api/cases/{w.CaseA}/documents/acceptance?step={w.LandStepA}",
            null, [], SeeCase.ToDictionary(c => c, _ => Hidden).Concat(CaseHidden).ToDictionary(p => p.Key, p => p.Value)),
        Read("GET /api/instances/{id}", "case A's instance", w => $"/api/instances/{w.InstanceA}", SeeCase, CaseHidden),
        Read("GET /api/instances/{id}/history", "case A's instance", w => $"/api/instances/{w.InstanceA}/history", SeeCase, CaseHidden),
        Read("GET /api/instances/{id}/audit", "case A's instance", w => $"/api/instances/{w.InstanceA}/audit", SeeCase, CaseHidden),
        Read("GET /api/projects/{id}", "project A", w => $"/api/projects/{w.ProjectA}", [Admin, OwnEnterprise, LandOfficer, LandOfficerSameCounty,
            OtherDepartmentOfficer, Supervisor, PairedLeader], new() { [OtherEnterprise] = Hidden, [LandOfficerOtherCounty] = Hidden }),
        Read("GET /api/projects/{id}/history", "project A", w => $"/api/projects/{w.ProjectA}/history", [Admin, OwnEnterprise, LandOfficer,
            LandOfficerSameCounty, OtherDepartmentOfficer, Supervisor, PairedLeader], new() { [OtherEnterprise] = Hidden, [LandOfficerOtherCounty] = Hidden }),
        Read("GET /api/pledges/{id}", "planning pledge A", w => $"/api/pledges/{w.PlanningPledgeA}", [Admin, OwnEnterprise, LandOfficer,
            LandOfficerSameCounty, OtherDepartmentOfficer, Supervisor, PairedLeader], new() { [OtherEnterprise] = Hidden, [LandOfficerOtherCounty] = Hidden }),
        Read("GET /api/tasks/{id}", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}", SeeLandTask, LandTaskHidden),
        Read("GET /api/tasks/{id}/comments", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/comments", SeeLandTask, LandTaskHidden),
        Read("GET /api/tasks/{id}/attachments", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/attachments", SeeLandTask, LandTaskHidden),
        Read("GET /api/attachments/{id}", "a file on land task A", w => $"/api/attachments/{w.AttachmentA}", SeeLandTask,
            new() { [OwnEnterprise] = Hidden, [OtherEnterprise] = Hidden, [LandOfficerOtherCounty] = Hidden, [OtherDepartmentOfficer] = Hidden,
                [Supervisor] = Hidden, [PairedLeader] = Hidden }),
        Read("GET /api/tasks/{id}", "the plain process's task", w => $"/api/tasks/{w.PlainTask}", SeePlain, None),
        Read("GET /api/instances/{id}", "the plain process", w => $"/api/instances/{w.PlainInstance}", SeePlain, None),

        Write("POST /api/tasks/{id}/claim", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/claim", null, GenericTaskWrite),
        Write("POST /api/tasks/{id}/unclaim", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/unclaim", null, GenericTaskWrite),
        Write("POST /api/tasks/{id}/delegate", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/delegate", new { userId = "x@test.local" }, GenericTaskWrite),
        Write("POST /api/tasks/{id}/resolve", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/resolve", new { }, GenericTaskWrite),
        Write("POST /api/tasks/{id}/complete", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/complete",
            new { variables = new { landOutcome = "approve" } }, GenericTaskWrite),
        Write("PUT /api/tasks/{id}/dates", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/dates", new { dueAt = "2030-01-01T00:00:00Z" }, GenericTaskWrite),
        Write("PUT /api/tasks/{id}/assignee", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/assignee", new { userId = "x@test.local" },
            GenericStaffTaskWrite),
        Write("POST /api/tasks/{id}/candidate-groups/{candidateGroup}", "land task A",
            w => $"/api/tasks/{w.LandAcceptTaskA}/candidate-groups/emergency-management", null, GenericStaffTaskWrite),
        Write("DELETE /api/tasks/{id}/candidate-groups/{candidateGroup}", "land task A",
            w => $"/api/tasks/{w.LandAcceptTaskA}/candidate-groups/natural-resources", null, GenericStaffTaskWrite),
        Write("POST /api/tasks/{id}/candidate-users/{candidateUser}", "land task A",
            w => $"/api/tasks/{w.LandAcceptTaskA}/candidate-users/x@test.local", null, GenericStaffTaskWrite),
        Write("DELETE /api/tasks/{id}/candidate-users/{candidateUser}", "land task A",
            w => $"/api/tasks/{w.LandAcceptTaskA}/candidate-users/x@test.local", null, GenericStaffTaskWrite),
        Write("POST /api/tasks/{id}/comments", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/comments", new { text = "越权意见" },
            new() { [Admin] = HttpStatusCode.Forbidden, [OtherEnterprise] = Hidden, [LandOfficerOtherCounty] = Hidden }, allowed: [LandOfficer, LandOfficerSameCounty]),
        Write("POST /api/tasks/{id}/attachments", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/attachments", null,
            new() { [Admin] = HttpStatusCode.Forbidden, [OtherEnterprise] = Hidden, [LandOfficerOtherCounty] = Hidden }, allowed: [LandOfficer, LandOfficerSameCounty]),

        Write("POST /api/instances/{id}/cancel", "case A's instance", w => $"/api/instances/{w.InstanceA}/cancel", new { reason = "越权终止" }, GenericInstanceWrite),
        Write("POST /api/instances/{id}/suspend", "case A's instance", w => $"/api/instances/{w.InstanceA}/suspend", new { reason = "越权挂起" }, GenericInstanceWrite),
        Write("POST /api/instances/{id}/resume", "case A's instance", w => $"/api/instances/{w.InstanceA}/resume", null, GenericInstanceWrite),
        Write("POST /api/instances/{id}/send-back", "case A's instance", w => $"/api/instances/{w.InstanceA}/send-back",
            new { fromElementId = "landAccept", toElementId = "registration" }, GenericInstanceWrite),
        // The instance is named in the body; a broadcast (no instance) is for administrators, knocked on in Signals/SignalScenarios.
        new("POST /api/signals", "case A's instance", _ => "/api/signals", null, [], SignalToCase,
            w => new { name = "site-inspection-ordered", instanceId = w.InstanceA }),
        Write("POST /api/cases/{id}/terminate", "case A", w => $"/api/cases/{w.CaseA}/terminate", new { reason = "越权终止" }, None, allowed: [Admin]),
        Write("POST /api/cases/{id}/confirm-start", "case A", w => $"/api/cases/{w.CaseA}/confirm-start", new { met = true },
            new() { [LandOfficer] = Conflict, [LandOfficerSameCounty] = Conflict, [OtherDepartmentOfficer] = Conflict, [LandOfficerOtherCounty] = Hidden }),

        Write("POST /api/tasks/{id}/accept", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/accept", new { }, ApprovalTaskAction,
            allowed: [LandOfficer, LandOfficerSameCounty]),
        Write("POST /api/tasks/{id}/review", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/review", new { opinion = "越权" },
            new() { [LandOfficerOtherCounty] = Hidden, [LandOfficer] = Conflict, [LandOfficerSameCounty] = Conflict }),
        Write("POST /api/tasks/{id}/decide", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/decide", new { outcome = "approve", opinion = "越权" },
            new() { [LandOfficerOtherCounty] = Hidden, [LandOfficer] = Conflict, [LandOfficerSameCounty] = Conflict }),
        Write("POST /api/tasks/{id}/resubmit", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/resubmit", new { note = "越权" },
            new() { [OtherEnterprise] = Hidden }),
        Write("POST /api/tasks/{id}/sign-pledge", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/sign-pledge", new { text = "越权" },
            new() { [OtherEnterprise] = Hidden }),
        Write("POST /api/tasks/{id}/verify-pledge", "land task A", w => $"/api/tasks/{w.LandAcceptTaskA}/verify-pledge",
            new { method = "written", broken = true, note = "越权" },
            new() { [LandOfficerOtherCounty] = Hidden, [LandOfficer] = Conflict, [LandOfficerSameCounty] = Conflict }),
        Write("POST /api/case-tasks/{id}/claim", "land task A", w => $"/api/case-tasks/{w.LandAcceptTaskA}/claim", new { }, ApprovalTaskAction,
            allowed: [LandOfficer, LandOfficerSameCounty]),
        Write("POST /api/steps/{id}/pause", "land step A", w => $"/api/steps/{w.LandStepA}/pause", new { reason = "越权暂停" }, ApprovalTaskAction,
            allowed: [LandOfficer, LandOfficerSameCounty]),
        Write("POST /api/steps/{id}/resume", "land step A", w => $"/api/steps/{w.LandStepA}/resume", null, ApprovalTaskAction,
            allowed: [LandOfficer, LandOfficerSameCounty]),

        Write("POST /api/pledges/{id}/breach", "planning pledge A", w => $"/api/pledges/{w.PlanningPledgeA}/breach", new { reason = "越权认定失信" },
            new() { [LandOfficerOtherCounty] = Hidden }, allowed: [Admin, Supervisor, LandOfficer, LandOfficerSameCounty]),
        Write("POST /api/pledges/{id}/verifications", "planning pledge A", w => $"/api/pledges/{w.PlanningPledgeA}/verifications",
            new { method = "written", result = "broken", note = "越权核查" }, new() { [LandOfficerOtherCounty] = Hidden },
            allowed: [Supervisor, LandOfficer, LandOfficerSameCounty]),
        Write("POST /api/gaps/{id}/supply", "a gap of nobody", w => $"/api/gaps/{Guid.NewGuid()}/supply", new { materialCode = "x" },
            new() { [OwnEnterprise] = Hidden, [OtherEnterprise] = Hidden, [Admin] = Hidden }),
    ];

    private static ResourceKnock Read(string route, string resource, Func<SecurityWorld, string> path, string[] allowed,
        Dictionary<string, HttpStatusCode> refused) => new(route, resource, path, null, allowed, refused);

    private static ResourceKnock Write(string route, string resource, Func<SecurityWorld, string> path, object? body,
        Dictionary<string, HttpStatusCode> refused, string[]? allowed = null) => new(route, resource, path, body, allowed ?? [], refused);

    /// <summary>(knock, caller) for every signed-in caller the knock must refuse.</summary>
    public static IEnumerable<object[]> Refusals() =>
        All.SelectMany(k => Signed.Except(k.Allowed).Select(caller => new object[] { k.Name, caller }));

    /// <summary>(read, caller) for every caller who may read.</summary>
    public static IEnumerable<object[]> AllowedReads() =>
        All.Where(k => k.IsRead).SelectMany(k => k.Allowed.Select(caller => new object[] { k.Name, caller }));

    public static ResourceKnock Named(string name) => All.Single(k => k.Name == name);
}
