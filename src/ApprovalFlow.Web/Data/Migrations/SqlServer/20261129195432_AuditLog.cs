using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalFlow.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // TODO: the append-only trigger for SQL Server (INSTEAD OF UPDATE, DELETE ... THROW), not written here because
            // no SQL Server runs on the development or CI machines to test it; docs/audit.md gives the statement and
            // the permissions (DENY UPDATE, DELETE) production should use meanwhile.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
