using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Orders.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrderShipments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "CapturedAmount",
                table: "orders_Orders",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "ShippedQuantity",
                table: "orders_OrderLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "orders_OrderShipments",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FulfillmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EstimatedDelivery = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DepartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CapturedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_OrderShipments", x => new { x.OrderId, x.ShipmentId });
                    table.ForeignKey(
                        name: "FK_orders_OrderShipments_orders_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "orders_Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_OrderShipments");

            migrationBuilder.DropColumn(
                name: "CapturedAmount",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "ShippedQuantity",
                table: "orders_OrderLines");
        }
    }
}
