using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Compliance.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceRulesAndDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "compliance_AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compliance_Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OrderDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AdultSignatureRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsCarryOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContainsAlcohol = table.Column<bool>(type: "INTEGER", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    RuleVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ShipFromLocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PurchaserName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    DestinationText = table.Column<string>(type: "TEXT", maxLength: 700, nullable: false),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AddressKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    VolumeMl = table.Column<int>(type: "INTEGER", nullable: false),
                    AlcoholValueCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ChecksJson = table.Column<string>(type: "TEXT", nullable: false),
                    CountsTowardLimits = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_Decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compliance_StateRuleVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    StateName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Dtc = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DtcChangesTo = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DtcChangesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PermitRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    PermitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Limits = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EffectiveDate = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Sources = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_StateRuleVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compliance_WineryPermits",
                columns: table => new
                {
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    PermitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PermitNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LocationCodes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LimitedConditionsConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_WineryPermits", x => x.StateCode);
                });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_AuditEntries_At",
                table: "compliance_AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_compliance_Decisions_DecisionKey",
                table: "compliance_Decisions",
                column: "DecisionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_compliance_Decisions_OrderDate_StateCode",
                table: "compliance_Decisions",
                columns: new[] { "OrderDate", "StateCode" });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_Decisions_OrderId",
                table: "compliance_Decisions",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_compliance_Decisions_StateCode_CountsTowardLimits_OrderDate",
                table: "compliance_Decisions",
                columns: new[] { "StateCode", "CountsTowardLimits", "OrderDate" });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_StateRuleVersions_StateCode_IsCurrent",
                table: "compliance_StateRuleVersions",
                columns: new[] { "StateCode", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_StateRuleVersions_StateCode_Version",
                table: "compliance_StateRuleVersions",
                columns: new[] { "StateCode", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "compliance_AuditEntries");

            migrationBuilder.DropTable(
                name: "compliance_Decisions");

            migrationBuilder.DropTable(
                name: "compliance_StateRuleVersions");

            migrationBuilder.DropTable(
                name: "compliance_WineryPermits");
        }
    }
}
