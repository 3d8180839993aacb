using ApprovalFlow.Web.Features.Projects;

namespace ApprovalFlow.Web.Features.Designer;

/// <summary>The designer and everything it reads or writes is for administrators (管理员) only.</summary>
public static class DesignerAccess
{
    public static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator) throw RefusedException.Forbidden("Only an administrator may use the workflow designer.");
    }
}
