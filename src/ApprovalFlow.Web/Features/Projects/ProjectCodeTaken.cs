using System.Data.Common;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Features.Projects;

public static class ProjectCodeTaken
{
    public static RefusedException Refusal(ProjectCode code) =>
        RefusedException.Conflict(L.T($"项目代码 {code} 已登记；一个项目代码只对应一个项目。", $"A project with the project code {code} is already registered; a project code identifies one project only."));

    /// <summary>
    /// A unique index refused the row: PostgreSQL's 23505, SQLite's UNIQUE constraint, SQL Server's 2601/2627.
    /// Another registration of the same code committed first, after this one had checked.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is DbException inner
        && (inner.SqlState == "23505"
            || inner.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)
            || inner.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase));
}
