using ApprovalFlow.Web.Features.Projects;
using ApprovalFlow.Web.Ui.Shell;

namespace ApprovalFlow.Web.Features.Designer;

/// <summary>The designer and everything it reads or writes is for administrators (管理员) only.</summary>
public static class DesignerAccess
{
    public static void RequireAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator) throw RefusedException.Forbidden(L.T("只有管理员可以使用流程设计器。", "Only an administrator may use the workflow designer."));
    }
}
