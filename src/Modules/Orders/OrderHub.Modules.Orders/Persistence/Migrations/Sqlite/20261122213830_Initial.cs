using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Orders.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "orders_IdempotencyRecords",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_IdempotencyRecords", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "orders_InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_InboxMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "orders_OrderNumberAllocations",
                columns: table => new
                {
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_OrderNumberAllocations", x => x.Value);
                });

            migrationBuilder.CreateTable(
                name: "orders_Orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExternalReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CustomerEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CustomerFirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerLastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CustomerDateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CustomerPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ShipLine1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShipLine2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ShipCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShipRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShipPostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ShipCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_Orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "orders_OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "orders_OrderLines",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_OrderLines", x => new { x.OrderId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_orders_OrderLines_orders_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "orders_Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "orders_OrderTimeline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_OrderTimeline", x => x.Id);
                    table.ForeignKey(
                        name: "FK_orders_OrderTimeline_orders_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "orders_Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_orders_OrderLines_Sku",
                table: "orders_OrderLines",
                column: "Sku");

            migrationBuilder.CreateIndex(
                name: "IX_orders_OrderTimeline_OrderId",
                table: "orders_OrderTimeline",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_orders_Orders_CustomerEmail",
                table: "orders_Orders",
                column: "CustomerEmail");

            migrationBuilder.CreateIndex(
                name: "IX_orders_Orders_Number",
                table: "orders_Orders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_orders_Orders_Status_PlacedAt",
                table: "orders_Orders",
                columns: new[] { "Status", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_orders_OutboxMessages_ProcessedAt_OccurredAt",
                table: "orders_OutboxMessages",
                columns: new[] { "ProcessedAt", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "orders_InboxMessages");

            migrationBuilder.DropTable(
                name: "orders_OrderLines");

            migrationBuilder.DropTable(
                name: "orders_OrderNumberAllocations");

            migrationBuilder.DropTable(
                name: "orders_OrderTimeline");

            migrationBuilder.DropTable(
                name: "orders_OutboxMessages");

            migrationBuilder.DropTable(
                name: "orders_Orders");
        }
    }
}
