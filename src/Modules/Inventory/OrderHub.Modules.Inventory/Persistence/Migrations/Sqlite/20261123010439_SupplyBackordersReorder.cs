using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupplyBackordersReorder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inventory_BackorderRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReservationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_BackorderRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_PurchaseOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SupplierLocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DestinationLocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_PurchaseOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_ReorderPoints",
                columns: table => new
                {
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Point = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplierLocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LeadTimeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_ReorderPoints", x => new { x.LocationCode, x.Sku });
                });

            migrationBuilder.CreateTable(
                name: "inventory_ReorderSuggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Available = table.Column<int>(type: "INTEGER", nullable: false),
                    Expected = table.Column<int>(type: "INTEGER", nullable: false),
                    ReorderPoint = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplierLocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PurchaseOrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_ReorderSuggestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_BackorderLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_BackorderLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inventory_BackorderLines_inventory_BackorderRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "inventory_BackorderRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inventory_PurchaseOrderLines",
                columns: table => new
                {
                    PurchaseOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_PurchaseOrderLines", x => new { x.PurchaseOrderId, x.LineNumber });
                    table.CheckConstraint("CK_PurchaseOrderLines_Received", "\"ReceivedQuantity\" >= 0 AND \"ReceivedQuantity\" <= \"Quantity\"");
                    table.ForeignKey(
                        name: "FK_inventory_PurchaseOrderLines_inventory_PurchaseOrders_PurchaseOrderId",
                        column: x => x.PurchaseOrderId,
                        principalTable: "inventory_PurchaseOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inventory_BackorderLines_RequestId",
                table: "inventory_BackorderLines",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_inventory_BackorderLines_Sku",
                table: "inventory_BackorderLines",
                column: "Sku");

            migrationBuilder.CreateIndex(
                name: "IX_inventory_BackorderRequests_ReservationKey",
                table: "inventory_BackorderRequests",
                column: "ReservationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inventory_BackorderRequests_Status_Priority_RequestedAt",
                table: "inventory_BackorderRequests",
                columns: new[] { "Status", "Priority", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inventory_PurchaseOrderLines_Sku",
                table: "inventory_PurchaseOrderLines",
                column: "Sku");

            migrationBuilder.CreateIndex(
                name: "IX_inventory_PurchaseOrders_Status_DestinationLocationCode",
                table: "inventory_PurchaseOrders",
                columns: new[] { "Status", "DestinationLocationCode" });

            migrationBuilder.CreateIndex(
                name: "IX_inventory_ReorderSuggestions_Sku_LocationCode_Day",
                table: "inventory_ReorderSuggestions",
                columns: new[] { "Sku", "LocationCode", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_BackorderLines");

            migrationBuilder.DropTable(
                name: "inventory_PurchaseOrderLines");

            migrationBuilder.DropTable(
                name: "inventory_ReorderPoints");

            migrationBuilder.DropTable(
                name: "inventory_ReorderSuggestions");

            migrationBuilder.DropTable(
                name: "inventory_BackorderRequests");

            migrationBuilder.DropTable(
                name: "inventory_PurchaseOrders");
        }
    }
}
