using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalFlow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApprovalCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "approval_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DefinitionKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "credit_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PledgeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GapId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RepairedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepairedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RepairNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "gap_tolerated_gaps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PledgeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplementDeadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SuppliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OverdueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gap_tolerated_gaps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "material_requirements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StepCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsMain = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_material_requirements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pledge_verifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PledgeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    Kept = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VerifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledge_verifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pledges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scheme = table.Column<int>(type: "INTEGER", nullable: false),
                    StepCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    KeptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BrokenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BreachReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pledges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "approval_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StepCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeLimitDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ToleratedGapAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PledgeReplaceable = table.Column<bool>(type: "INTEGER", nullable: false),
                    VirtualApprovalAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EffectiveAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultIssued = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClockPausedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastActionAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_approval_steps_approval_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "approval_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gap_materials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GapId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaterialCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SuppliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SuppliedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AttachmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gap_materials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_gap_materials_gap_tolerated_gaps_GapId",
                        column: x => x.GapId,
                        principalTable: "gap_tolerated_gaps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "approval_step_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_step_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_approval_step_changes_approval_steps_StepId",
                        column: x => x.StepId,
                        principalTable: "approval_steps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "approval_step_pauses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StepId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PausedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResumedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approval_step_pauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_approval_step_pauses_approval_steps_StepId",
                        column: x => x.StepId,
                        principalTable: "approval_steps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_approval_cases_EnterpriseId_Status",
                table: "approval_cases",
                columns: new[] { "EnterpriseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_cases_InstanceId",
                table: "approval_cases",
                column: "InstanceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_approval_cases_ProjectId",
                table: "approval_cases",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_approval_step_changes_StepId_At",
                table: "approval_step_changes",
                columns: new[] { "StepId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_approval_step_pauses_StepId",
                table: "approval_step_pauses",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_CaseId_StepCode",
                table: "approval_steps",
                columns: new[] { "CaseId", "StepCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_approval_steps_Department_Status_DueAt",
                table: "approval_steps",
                columns: new[] { "Department", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_EnterpriseId_RepairedAt",
                table: "credit_records",
                columns: new[] { "EnterpriseId", "RepairedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_GapId",
                table: "credit_records",
                column: "GapId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_credit_records_PledgeId",
                table: "credit_records",
                column: "PledgeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gap_materials_GapId_MaterialCode",
                table: "gap_materials",
                columns: new[] { "GapId", "MaterialCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gap_tolerated_gaps_EnterpriseId",
                table: "gap_tolerated_gaps",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_gap_tolerated_gaps_PledgeId",
                table: "gap_tolerated_gaps",
                column: "PledgeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_gap_tolerated_gaps_Status_SupplementDeadline",
                table: "gap_tolerated_gaps",
                columns: new[] { "Status", "SupplementDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_gap_tolerated_gaps_StepId",
                table: "gap_tolerated_gaps",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_material_requirements_StepCode_Code",
                table: "material_requirements",
                columns: new[] { "StepCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pledge_verifications_PledgeId",
                table: "pledge_verifications",
                column: "PledgeId");

            migrationBuilder.CreateIndex(
                name: "IX_pledges_EnterpriseId_Status",
                table: "pledges",
                columns: new[] { "EnterpriseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_pledges_ProjectId_Status",
                table: "pledges",
                columns: new[] { "ProjectId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approval_step_changes");

            migrationBuilder.DropTable(
                name: "approval_step_pauses");

            migrationBuilder.DropTable(
                name: "credit_records");

            migrationBuilder.DropTable(
                name: "gap_materials");

            migrationBuilder.DropTable(
                name: "material_requirements");

            migrationBuilder.DropTable(
                name: "pledge_verifications");

            migrationBuilder.DropTable(
                name: "pledges");

            migrationBuilder.DropTable(
                name: "approval_steps");

            migrationBuilder.DropTable(
                name: "gap_tolerated_gaps");

            migrationBuilder.DropTable(
                name: "approval_cases");
        }
    }
}
