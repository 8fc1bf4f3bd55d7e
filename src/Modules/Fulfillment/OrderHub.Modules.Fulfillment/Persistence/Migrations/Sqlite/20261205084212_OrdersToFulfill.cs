using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Fulfillment.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrdersToFulfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fulfillment_OrdersToFulfill",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StockReservationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    ShipLine1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShipLine2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ShipCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShipRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShipPostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ShipCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ShippingService = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AdultSignatureRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadyAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_OrdersToFulfill", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "fulfillment_LinesToFulfill",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_LinesToFulfill", x => new { x.OrderId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_fulfillment_LinesToFulfill_fulfillment_OrdersToFulfill_OrderId",
                        column: x => x.OrderId,
                        principalTable: "fulfillment_OrdersToFulfill",
                        principalColumn: "OrderId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_OrdersToFulfill_OrderNumber",
                table: "fulfillment_OrdersToFulfill",
                column: "OrderNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fulfillment_LinesToFulfill");

            migrationBuilder.DropTable(
                name: "fulfillment_OrdersToFulfill");
        }
    }
}
