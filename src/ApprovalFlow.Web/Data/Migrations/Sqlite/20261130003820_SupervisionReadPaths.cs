using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionReadPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CountyCode",
                table: "approval_steps",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Steps written before this migration take their case's county.
            migrationBuilder.Sql("UPDATE approval_steps SET \"CountyCode\" = (SELECT c.\"CountyCode\" FROM approval_cases AS c WHERE c.\"Id\" = approval_steps.\"CaseId\")");

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_Status_CreatedAt",
                table: "engine_tasks",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_open_by_due",
                table: "approval_steps",
                columns: new[] { "DueAt", "LastActionAt", "Id", "CountyCode", "Department", "StepCode", "TimeLimitDays", "ClockPausedAt" },
                filter: "\"Status\" IN (0, 1, 2, 3, 5, 8)");

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_open_by_last_action",
                table: "approval_steps",
                columns: new[] { "LastActionAt", "DueAt", "ClockPausedAt", "CountyCode", "Department", "StepCode", "TimeLimitDays", "Id", "Status", "CreatedAt", "DecidedAt" },
                filter: "\"Status\" IN (0, 1, 2, 3, 5, 8)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_engine_tasks_Status_CreatedAt",
                table: "engine_tasks");

            migrationBuilder.DropIndex(
                name: "IX_approval_steps_open_by_due",
                table: "approval_steps");

            migrationBuilder.DropIndex(
                name: "IX_approval_steps_open_by_last_action",
                table: "approval_steps");

            migrationBuilder.DropColumn(
                name: "CountyCode",
                table: "approval_steps");
        }
    }
}
