using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalFlow.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_approval_steps_DecidedAt",
                table: "approval_steps");

            migrationBuilder.DropIndex(
                name: "IX_approval_steps_open_by_due",
                table: "approval_steps");

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_decided",
                table: "approval_steps",
                columns: new[] { "DecidedAt", "CountyCode", "Department", "StepCode", "AcceptedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_open_by_due",
                table: "approval_steps",
                columns: new[] { "DueAt", "LastActionAt", "Id", "CountyCode", "Department", "StepCode", "TimeLimitDays", "ClockPausedAt", "Status", "CreatedAt", "DecidedAt" },
                filter: "\"Status\" IN (0, 1, 2, 3, 5, 8)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_approval_steps_decided",
                table: "approval_steps");

            migrationBuilder.DropIndex(
                name: "IX_approval_steps_open_by_due",
                table: "approval_steps");

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_DecidedAt",
                table: "approval_steps",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_open_by_due",
                table: "approval_steps",
                columns: new[] { "DueAt", "LastActionAt", "Id", "CountyCode", "Department", "StepCode", "TimeLimitDays", "ClockPausedAt" },
                filter: "\"Status\" IN (0, 1, 2, 3, 5, 8)");
        }
    }
}
