using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SupplyBackordersReorder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BackorderRequests",
                schema: "inventory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReservationKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Channel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackorderRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PurchaseOrders",
                schema: "inventory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SupplierLocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DestinationLocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchaseOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReorderPoints",
                schema: "inventory",
                columns: table => new
                {
                    LocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Point = table.Column<int>(type: "integer", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    SupplierLocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LeadTimeDays = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReorderPoints", x => new { x.LocationCode, x.Sku });
                });

            migrationBuilder.CreateTable(
                name: "ReorderSuggestions",
                schema: "inventory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Available = table.Column<int>(type: "integer", nullable: false),
                    Expected = table.Column<int>(type: "integer", nullable: false),
                    ReorderPoint = table.Column<int>(type: "integer", nullable: false),
                    SuggestedQuantity = table.Column<int>(type: "integer", nullable: false),
                    SupplierLocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PurchaseOrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReorderSuggestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BackorderLines",
                schema: "inventory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackorderLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BackorderLines_BackorderRequests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "inventory",
                        principalTable: "BackorderRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PurchaseOrderLines",
                schema: "inventory",
                columns: table => new
                {
                    PurchaseOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineNumber = table.Column<int>(type: "integer", nullable: false),
                    Sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    ReceivedQuantity = table.Column<int>(type: "integer", nullable: false),
                    ExpectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchaseOrderLines", x => new { x.PurchaseOrderId, x.LineNumber });
                    table.CheckConstraint("CK_PurchaseOrderLines_Received", "\"ReceivedQuantity\" >= 0 AND \"ReceivedQuantity\" <= \"Quantity\"");
                    table.ForeignKey(
                        name: "FK_PurchaseOrderLines_PurchaseOrders_PurchaseOrderId",
                        column: x => x.PurchaseOrderId,
                        principalSchema: "inventory",
                        principalTable: "PurchaseOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BackorderLines_RequestId",
                schema: "inventory",
                table: "BackorderLines",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_BackorderLines_Sku",
                schema: "inventory",
                table: "BackorderLines",
                column: "Sku");

            migrationBuilder.CreateIndex(
                name: "IX_BackorderRequests_ReservationKey",
                schema: "inventory",
                table: "BackorderRequests",
                column: "ReservationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BackorderRequests_Status_Priority_RequestedAt",
                schema: "inventory",
                table: "BackorderRequests",
                columns: new[] { "Status", "Priority", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrderLines_Sku",
                schema: "inventory",
                table: "PurchaseOrderLines",
                column: "Sku");

            migrationBuilder.CreateIndex(
                name: "IX_PurchaseOrders_Status_DestinationLocationCode",
                schema: "inventory",
                table: "PurchaseOrders",
                columns: new[] { "Status", "DestinationLocationCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ReorderSuggestions_Sku_LocationCode_Day",
                schema: "inventory",
                table: "ReorderSuggestions",
                columns: new[] { "Sku", "LocationCode", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackorderLines",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "PurchaseOrderLines",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "ReorderPoints",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "ReorderSuggestions",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "BackorderRequests",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "PurchaseOrders",
                schema: "inventory");
        }
    }
}
