using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Fulfillment.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropshipPurchaseOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fulfillment_DropshipPurchaseOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SupplierCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SupplierName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SupplierRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SupplierPostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FulfillmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    ShipLine1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShipLine2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ShipCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShipRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShipPostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ShipCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ShippingService = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AdultSignatureRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgementReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ShippedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_DropshipPurchaseOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fulfillment_DropshipPurchaseOrderLines",
                columns: table => new
                {
                    PurchaseOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_DropshipPurchaseOrderLines", x => new { x.PurchaseOrderId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_fulfillment_DropshipPurchaseOrderLines_fulfillment_DropshipPurchaseOrders_PurchaseOrderId",
                        column: x => x.PurchaseOrderId,
                        principalTable: "fulfillment_DropshipPurchaseOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_DropshipPurchaseOrders_FulfillmentId",
                table: "fulfillment_DropshipPurchaseOrders",
                column: "FulfillmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_DropshipPurchaseOrders_Number",
                table: "fulfillment_DropshipPurchaseOrders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_DropshipPurchaseOrders_OrderId",
                table: "fulfillment_DropshipPurchaseOrders",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fulfillment_DropshipPurchaseOrderLines");

            migrationBuilder.DropTable(
                name: "fulfillment_DropshipPurchaseOrders");
        }
    }
}
