using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalFlow.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisionReportsInvestment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chase_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeadlineEpoch = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chase_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "project_investment_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    AmountCompleted = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    ReportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_investment_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_project_investment_reports_project_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "project_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodFirst = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodLast = table.Column<DateOnly>(type: "date", nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GeneratedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Csv = table.Column<byte[]>(type: "bytea", nullable: false),
                    Xlsx = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_engine_tasks_ElementId_Status_CreatedAt",
                table: "engine_tasks",
                columns: new[] { "ElementId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_DecidedAt",
                table: "approval_steps",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_Status_DueAt",
                table: "approval_steps",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_Status_LastActionAt",
                table: "approval_steps",
                columns: new[] { "Status", "LastActionAt" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_cases_CountyCode_Status",
                table: "approval_cases",
                columns: new[] { "CountyCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_chase_records_CaseId",
                table: "chase_records",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_chase_records_SubjectKind_SubjectId_Level_DeadlineEpoch",
                table: "chase_records",
                columns: new[] { "SubjectKind", "SubjectId", "Level", "DeadlineEpoch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_UserId_CreatedAt",
                table: "notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_UserId_ReadAt_CreatedAt",
                table: "notifications",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_Status_NextAttemptAt",
                table: "outbox_messages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_project_investment_reports_ProjectId_Year_Month",
                table: "project_investment_reports",
                columns: new[] { "ProjectId", "Year", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_project_investment_reports_Year_Month",
                table: "project_investment_reports",
                columns: new[] { "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_GeneratedAt",
                table: "reports",
                column: "GeneratedAt");

            migrationBuilder.CreateIndex(
                name: "IX_reports_Kind_PeriodFirst",
                table: "reports",
                columns: new[] { "Kind", "PeriodFirst" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chase_records");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "project_investment_reports");

            migrationBuilder.DropTable(
                name: "reports");

            migrationBuilder.DropIndex(
                name: "IX_engine_tasks_ElementId_Status_CreatedAt",
                table: "engine_tasks");

            migrationBuilder.DropIndex(
                name: "IX_approval_steps_DecidedAt",
                table: "approval_steps");

            migrationBuilder.DropIndex(
                name: "IX_approval_steps_Status_DueAt",
                table: "approval_steps");

            migrationBuilder.DropIndex(
                name: "IX_approval_steps_Status_LastActionAt",
                table: "approval_steps");

            migrationBuilder.DropIndex(
                name: "IX_approval_cases_CountyCode_Status",
                table: "approval_cases");
        }
    }
}
