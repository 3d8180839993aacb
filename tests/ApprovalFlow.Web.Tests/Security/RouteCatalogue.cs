namespace ApprovalFlow.Web.Tests.Security;

/// <summary>
/// Every route of the API, with what decides who may call it. A route the app maps but this list does not know fails
/// <see cref="RouteCatalogueTests"/>: a new route must say here how it is guarded before it ships.
/// </summary>
public static class RouteCatalogue
{
    /// <summary>Identity's endpoints that answer before sign-in (self-registration is refused unless switched on).</summary>
    public static readonly string[] Public =
    [
        "GET /api/auth/confirmEmail", "POST /api/auth/forgotPassword", "POST /api/auth/login", "POST /api/auth/refresh",
        "POST /api/auth/register", "POST /api/auth/resendConfirmationEmail", "POST /api/auth/resetPassword",
    ];

    /// <summary>
    /// Signed-in routes whose answer depends on the resource: each is knocked on by every caller in
    /// <see cref="ResourceKnocks"/> (some also carry a role gate, checked by <see cref="RoleGateScenarios"/>).
    /// </summary>
    public static IEnumerable<string> ByResource => ResourceKnocks.All.Select(k => k.Route).Distinct();

    /// <summary>
    /// Signed-in routes without a resource id, or on resources every signed-in caller may read (the calendar, the
    /// counties, the material catalogue, departments), or on the caller's own things (its inbox, its account); lists
    /// filter by caller (checked in <see cref="ListScenarios"/>). Writes among them carry role gates.
    /// </summary>
    public static readonly string[] Other =
    [
        "GET /api/antiforgery", "POST /api/auth/manage/2fa", "GET /api/auth/manage/info", "POST /api/auth/manage/info", "POST /api/account/password",
        "POST /api/admin/users/{id}/password", "POST /api/admin/users/{id}/active",
        "GET /api/admin/departments", "POST /api/admin/departments", "PUT /api/admin/departments/{code}",
        "POST /api/admin/departments/{code}/active", "GET /api/admin/users", "POST /api/admin/users", "PUT /api/admin/users/{id}/access",
        "GET /api/audit", "POST /api/audit/ping", "GET /api/audit/verify",
        "PUT /api/calendar/days/{date}", "DELETE /api/calendar/days/{date}", "GET /api/calendar/working-days", "GET /api/calendar/{year}",
        "POST /api/cases", "GET /api/cases", "GET /api/counties", "POST /api/credit/{id}/repair",
        "POST /api/definitions", "GET /api/definitions", "GET /api/definitions/{id}", "POST /api/definitions/{key}/migrations",
        "GET /api/designer/files", "GET /api/designer/files/{folder}/{file}", "POST /api/designer/publish", "POST /api/designer/validate",
        "GET /api/designer/versions", "GET /api/designer/versions/{id}/xml",
        "GET /api/enterprises", "POST /api/enterprises", "GET /api/enterprises/{enterpriseId}/credit", "GET /api/enterprises/{id}",
        "POST /api/enterprises/{id}/users",
        "GET /api/gaps", "GET /api/gaps/{id}", "GET /api/inbox", "GET /api/inbox/preferences", "PUT /api/inbox/preferences", "POST /api/inbox/read-all", "GET /api/inbox/unread-count", "POST /api/inbox/{id}/read",
        "GET /api/incidents", "POST /api/incidents/{id}/resolve", "POST /api/incidents/{id}/retry",
        "POST /api/instances", "GET /api/materials", "PUT /api/materials", "DELETE /api/materials/{id}", "POST /api/messages",
        "GET /api/my/tasks", "GET /api/pledges", "POST /api/pledges",
        "GET /api/project-lists/county-progress", "GET /api/project-lists/investment-reports", "POST /api/project-lists/investment-reports",
        "GET /api/project-lists/{list}", "GET /api/projects", "POST /api/projects", "GET /api/projects/check-code",
        "POST /api/projects/{id}/list", "PUT /api/projects/{id}/paired-leader",
        "GET /api/reports", "POST /api/reports", "GET /api/reports/{id}/download",
        "GET /api/supervision/figures", "GET /api/supervision/rankings", "GET /api/supervision/stalled-steps", "GET /api/tasks",
    ];

    public static IEnumerable<string> All => Public.Concat(ByResource).Concat(Other);

    /// <summary>A value for each route parameter that passes its constraint; the caller's gate answers before it is looked up.</summary>
    public static string Fill(string route) => route[(route.IndexOf(' ') + 1)..]
        .Replace("{id}", Guid.NewGuid().ToString()).Replace("{enterpriseId}", Guid.NewGuid().ToString())
        .Replace("{code}", "natural-resources").Replace("{key}", "pre-construction-approval").Replace("{date}", "2026-12-07")
        .Replace("{year}", "2026").Replace("{list}", "reserve").Replace("{folder}", "workflows").Replace("{file}", "x.bpmn")
        .Replace("{candidateGroup}", "natural-resources").Replace("{candidateUser}", "someone")
        .Replace("{kind}", "acceptance");

    public static HttpMethod MethodOf(string route) => new(route[..route.IndexOf(' ')]);
}
