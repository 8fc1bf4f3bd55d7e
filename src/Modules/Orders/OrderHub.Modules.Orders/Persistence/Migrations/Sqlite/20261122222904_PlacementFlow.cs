using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Orders.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlacementFlow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ComplianceChecks",
                table: "orders_Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PaymentAttempts",
                table: "orders_Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsAlcohol",
                table: "orders_OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "VolumeMl",
                table: "orders_OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ComplianceChecks",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "PaymentAttempts",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "IsAlcohol",
                table: "orders_OrderLines");

            migrationBuilder.DropColumn(
                name: "VolumeMl",
                table: "orders_OrderLines");
        }
    }
}
