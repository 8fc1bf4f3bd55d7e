using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Fulfillment.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OrdersToFulfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OrdersToFulfill",
                schema: "fulfillment",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrderNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StockReservationKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecipientName = table.Column<string>(type: "nvarchar(201)", maxLength: 201, nullable: false),
                    ShipLine1 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ShipLine2 = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ShipCity = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ShipRegion = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ShipPostalCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ShipCountry = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    ShippingService = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AdultSignatureRequired = table.Column<bool>(type: "bit", nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReadyAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrdersToFulfill", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "LinesToFulfill",
                schema: "fulfillment",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LineNumber = table.Column<int>(type: "int", nullable: false),
                    Sku = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinesToFulfill", x => new { x.OrderId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_LinesToFulfill_OrdersToFulfill_OrderId",
                        column: x => x.OrderId,
                        principalSchema: "fulfillment",
                        principalTable: "OrdersToFulfill",
                        principalColumn: "OrderId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrdersToFulfill_OrderNumber",
                schema: "fulfillment",
                table: "OrdersToFulfill",
                column: "OrderNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LinesToFulfill",
                schema: "fulfillment");

            migrationBuilder.DropTable(
                name: "OrdersToFulfill",
                schema: "fulfillment");
        }
    }
}
