using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Compliance.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ComplianceConsumerKeyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Decisions_AddressKey_StateCode_OrderDate",
                schema: "compliance",
                table: "Decisions",
                columns: new[] { "AddressKey", "StateCode", "OrderDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_EmailKey_StateCode_OrderDate",
                schema: "compliance",
                table: "Decisions",
                columns: new[] { "EmailKey", "StateCode", "OrderDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_PersonKey_StateCode_OrderDate",
                schema: "compliance",
                table: "Decisions",
                columns: new[] { "PersonKey", "StateCode", "OrderDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Decisions_AddressKey_StateCode_OrderDate",
                schema: "compliance",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_EmailKey_StateCode_OrderDate",
                schema: "compliance",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_PersonKey_StateCode_OrderDate",
                schema: "compliance",
                table: "Decisions");
        }
    }
}
