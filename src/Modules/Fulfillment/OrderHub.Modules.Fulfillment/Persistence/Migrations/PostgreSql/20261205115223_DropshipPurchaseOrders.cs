using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Fulfillment.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DropshipPurchaseOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DropshipPurchaseOrders",
                schema: "fulfillment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SupplierCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SupplierName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SupplierRegion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SupplierPostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FulfillmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    ShipLine1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ShipLine2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ShipCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ShipRegion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ShipPostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ShipCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ShippingService = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AdultSignatureRequired = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgementReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailureReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Carrier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    TrackingNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ShippedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DropshipPurchaseOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DropshipPurchaseOrderLines",
                schema: "fulfillment",
                columns: table => new
                {
                    PurchaseOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineNumber = table.Column<int>(type: "integer", nullable: false),
                    Sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DropshipPurchaseOrderLines", x => new { x.PurchaseOrderId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_DropshipPurchaseOrderLines_DropshipPurchaseOrders_PurchaseO~",
                        column: x => x.PurchaseOrderId,
                        principalSchema: "fulfillment",
                        principalTable: "DropshipPurchaseOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DropshipPurchaseOrders_FulfillmentId",
                schema: "fulfillment",
                table: "DropshipPurchaseOrders",
                column: "FulfillmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DropshipPurchaseOrders_Number",
                schema: "fulfillment",
                table: "DropshipPurchaseOrders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DropshipPurchaseOrders_OrderId",
                schema: "fulfillment",
                table: "DropshipPurchaseOrders",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DropshipPurchaseOrderLines",
                schema: "fulfillment");

            migrationBuilder.DropTable(
                name: "DropshipPurchaseOrders",
                schema: "fulfillment");
        }
    }
}
