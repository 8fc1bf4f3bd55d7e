using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Compliance.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ComplianceConsumerKeyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_compliance_Decisions_AddressKey_StateCode_OrderDate",
                table: "compliance_Decisions",
                columns: new[] { "AddressKey", "StateCode", "OrderDate" });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_Decisions_EmailKey_StateCode_OrderDate",
                table: "compliance_Decisions",
                columns: new[] { "EmailKey", "StateCode", "OrderDate" });

            migrationBuilder.CreateIndex(
                name: "IX_compliance_Decisions_PersonKey_StateCode_OrderDate",
                table: "compliance_Decisions",
                columns: new[] { "PersonKey", "StateCode", "OrderDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_compliance_Decisions_AddressKey_StateCode_OrderDate",
                table: "compliance_Decisions");

            migrationBuilder.DropIndex(
                name: "IX_compliance_Decisions_EmailKey_StateCode_OrderDate",
                table: "compliance_Decisions");

            migrationBuilder.DropIndex(
                name: "IX_compliance_Decisions_PersonKey_StateCode_OrderDate",
                table: "compliance_Decisions");
        }
    }
}
