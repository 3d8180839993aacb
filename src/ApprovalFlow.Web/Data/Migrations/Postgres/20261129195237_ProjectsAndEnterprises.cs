using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ApprovalFlow.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProjectsAndEnterprises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedAt",
                table: "engine_timers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "WorkingDays",
                table: "engine_timers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EnterpriseId",
                table: "AspNetUsers",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ActorRoles = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Action = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubjectId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Data = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OutcomeMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_days", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "calendar_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Notices = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DataFile = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    SeededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_years", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "county_counties",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    InvestmentGrowthTarget2020 = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_county_counties", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_enterprises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprise_enterprises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "project_projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TotalInvestment = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    List = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PairedLeaderUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    PairedLeaderName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_projects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_project_projects_county_counties_CountyCode",
                        column: x => x.CountyCode,
                        principalTable: "county_counties",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_project_projects_enterprise_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "enterprise_enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "project_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Change = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    From = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    To = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_project_history_project_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "project_projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "county_counties",
                columns: new[] { "Code", "InvestmentGrowthTarget2020", "Name", "SortOrder" },
                values: new object[,]
                {
                    { "131102", 7m, "桃城区", 1 },
                    { "131103", 6.5m, "冀州区", 2 },
                    { "131121", 6.5m, "枣强县", 3 },
                    { "131122", 7.5m, "武邑县", 4 },
                    { "131123", 6.5m, "武强县", 6 },
                    { "131124", 7m, "饶阳县", 7 },
                    { "131125", 6.5m, "安平县", 8 },
                    { "131126", 8m, "故城县", 9 },
                    { "131127", 6.5m, "景县", 10 },
                    { "131128", 8m, "阜城县", 11 },
                    { "131171", 6.5m, "衡水高新区", 12 },
                    { "131172", 4m, "滨湖新区", 13 },
                    { "131182", 6.5m, "深州市", 5 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_EnterpriseId",
                table: "AspNetUsers",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_SubjectType_SubjectId_Sequence",
                table: "audit_log",
                columns: new[] { "SubjectType", "SubjectId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_county_counties_Name",
                table: "county_counties",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_enterprises_CreditCode",
                table: "enterprise_enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_project_history_ProjectId_At",
                table: "project_history",
                columns: new[] { "ProjectId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_project_projects_Code",
                table: "project_projects",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_project_projects_CountyCode",
                table: "project_projects",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_project_projects_EnterpriseId",
                table: "project_projects",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_project_projects_PairedLeaderUserId",
                table: "project_projects",
                column: "PairedLeaderUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_enterprise_enterprises_EnterpriseId",
                table: "AspNetUsers",
                column: "EnterpriseId",
                principalTable: "enterprise_enterprises",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_enterprise_enterprises_EnterpriseId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "calendar_years");

            migrationBuilder.DropTable(
                name: "project_history");

            migrationBuilder.DropTable(
                name: "project_projects");

            migrationBuilder.DropTable(
                name: "county_counties");

            migrationBuilder.DropTable(
                name: "enterprise_enterprises");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_EnterpriseId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "engine_timers");

            migrationBuilder.DropColumn(
                name: "WorkingDays",
                table: "engine_timers");

            migrationBuilder.DropColumn(
                name: "EnterpriseId",
                table: "AspNetUsers");
        }
    }
}
