namespace ApprovalFlow.Web.Features.Projects;

public static class ProjectAccess
{
    /// <summary>Only these roles may call the endpoint; any other caller gets 403 before a handler runs.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireRole(roles));
}
