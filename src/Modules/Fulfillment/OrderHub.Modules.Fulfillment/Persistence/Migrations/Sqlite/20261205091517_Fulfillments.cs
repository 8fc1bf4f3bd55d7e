using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Fulfillment.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Fulfillments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fulfillment_Fulfillments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PurchaseOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_Fulfillments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fulfillment_SourcingDecisions",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Plan = table.Column<string>(type: "TEXT", nullable: false),
                    Considered = table.Column<string>(type: "TEXT", nullable: false),
                    DecidingRule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EstimatedCost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_SourcingDecisions", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "fulfillment_FulfillmentLines",
                columns: table => new
                {
                    FulfillmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    PickedQuantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_FulfillmentLines", x => new { x.FulfillmentId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_fulfillment_FulfillmentLines_fulfillment_Fulfillments_FulfillmentId",
                        column: x => x.FulfillmentId,
                        principalTable: "fulfillment_Fulfillments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_Fulfillments_LocationCode_Status_CreatedAt",
                table: "fulfillment_Fulfillments",
                columns: new[] { "LocationCode", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_Fulfillments_OrderId",
                table: "fulfillment_Fulfillments",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fulfillment_FulfillmentLines");

            migrationBuilder.DropTable(
                name: "fulfillment_SourcingDecisions");

            migrationBuilder.DropTable(
                name: "fulfillment_Fulfillments");
        }
    }
}
