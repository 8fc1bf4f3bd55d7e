using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Orders.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PlacementFlow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ComplianceChecks",
                schema: "orders",
                table: "Orders",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PaymentAttempts",
                schema: "orders",
                table: "Orders",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsAlcohol",
                schema: "orders",
                table: "OrderLines",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "VolumeMl",
                schema: "orders",
                table: "OrderLines",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ComplianceChecks",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PaymentAttempts",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "IsAlcohol",
                schema: "orders",
                table: "OrderLines");

            migrationBuilder.DropColumn(
                name: "VolumeMl",
                schema: "orders",
                table: "OrderLines");
        }
    }
}
