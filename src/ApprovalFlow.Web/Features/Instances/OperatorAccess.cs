using ApprovalFlow.Web.Identity;

namespace ApprovalFlow.Web.Features.Instances;

/// <summary>Who may run the administrative operations on cases, tasks and incidents.</summary>
public static class OperatorAccess
{
    /// <summary>Cancel, suspend, resume, send back, reassign: the staff who handle cases.</summary>
    public static TBuilder RequireCaseStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireRole(AppRoles.Administrator, AppRoles.Officer));

    /// <summary>Migrations and incidents change how the engine runs a case, not just its work.</summary>
    public static TBuilder RequireAdministrator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireRole(AppRoles.Administrator));
}
