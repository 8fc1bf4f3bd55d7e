using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Compliance.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ComplianceRulesAndDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                schema: "compliance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                schema: "compliance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OrderDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Rule = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AdultSignatureRequired = table.Column<bool>(type: "boolean", nullable: false),
                    IsCarryOut = table.Column<bool>(type: "boolean", nullable: false),
                    ContainsAlcohol = table.Column<bool>(type: "boolean", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    RuleVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RuleVersion = table.Column<int>(type: "integer", nullable: true),
                    ShipFromLocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PurchaserName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    DestinationText = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: false),
                    EmailKey = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AddressKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    VolumeMl = table.Column<int>(type: "integer", nullable: false),
                    AlcoholValueCents = table.Column<long>(type: "bigint", nullable: false),
                    ChecksJson = table.Column<string>(type: "text", nullable: false),
                    CountsTowardLimits = table.Column<bool>(type: "boolean", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StateRuleVersions",
                schema: "compliance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    StateName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Dtc = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DtcChangesTo = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    DtcChangesOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PermitRequired = table.Column<bool>(type: "boolean", nullable: false),
                    PermitName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Limits = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Signature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Confidence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EffectiveDate = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Sources = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateRuleVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WineryPermits",
                schema: "compliance",
                columns: table => new
                {
                    StateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Held = table.Column<bool>(type: "boolean", nullable: false),
                    PermitName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PermitNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LocationCodes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LimitedConditionsConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WineryPermits", x => x.StateCode);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                schema: "compliance",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_DecisionKey",
                schema: "compliance",
                table: "Decisions",
                column: "DecisionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_OrderDate_StateCode",
                schema: "compliance",
                table: "Decisions",
                columns: new[] { "OrderDate", "StateCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_OrderId",
                schema: "compliance",
                table: "Decisions",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_StateCode_CountsTowardLimits_OrderDate",
                schema: "compliance",
                table: "Decisions",
                columns: new[] { "StateCode", "CountsTowardLimits", "OrderDate" });

            migrationBuilder.CreateIndex(
                name: "IX_StateRuleVersions_StateCode_IsCurrent",
                schema: "compliance",
                table: "StateRuleVersions",
                columns: new[] { "StateCode", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_StateRuleVersions_StateCode_Version",
                schema: "compliance",
                table: "StateRuleVersions",
                columns: new[] { "StateCode", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries",
                schema: "compliance");

            migrationBuilder.DropTable(
                name: "Decisions",
                schema: "compliance");

            migrationBuilder.DropTable(
                name: "StateRuleVersions",
                schema: "compliance");

            migrationBuilder.DropTable(
                name: "WineryPermits",
                schema: "compliance");
        }
    }
}
