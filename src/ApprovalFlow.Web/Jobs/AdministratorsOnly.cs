using ApprovalFlow.Web.Identity;
using Hangfire.Dashboard;

namespace ApprovalFlow.Web.Jobs;

/// <summary>The dashboard can trigger and delete jobs, so only administrators see it (401 anonymous, 403 others).</summary>
public sealed class AdministratorsOnly : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(AppRoles.Administrator);
}
