using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Fulfillment.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Fulfillments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Fulfillments",
                schema: "fulfillment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ShipmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    PurchaseOrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Fulfillments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourcingDecisions",
                schema: "fulfillment",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Plan = table.Column<string>(type: "text", nullable: false),
                    Considered = table.Column<string>(type: "text", nullable: false),
                    DecidingRule = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EstimatedCost = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourcingDecisions", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "FulfillmentLines",
                schema: "fulfillment",
                columns: table => new
                {
                    FulfillmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineNumber = table.Column<int>(type: "integer", nullable: false),
                    Sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    PickedQuantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FulfillmentLines", x => new { x.FulfillmentId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_FulfillmentLines_Fulfillments_FulfillmentId",
                        column: x => x.FulfillmentId,
                        principalSchema: "fulfillment",
                        principalTable: "Fulfillments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Fulfillments_LocationCode_Status_CreatedAt",
                schema: "fulfillment",
                table: "Fulfillments",
                columns: new[] { "LocationCode", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Fulfillments_OrderId",
                schema: "fulfillment",
                table: "Fulfillments",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FulfillmentLines",
                schema: "fulfillment");

            migrationBuilder.DropTable(
                name: "SourcingDecisions",
                schema: "fulfillment");

            migrationBuilder.DropTable(
                name: "Fulfillments",
                schema: "fulfillment");
        }
    }
}
