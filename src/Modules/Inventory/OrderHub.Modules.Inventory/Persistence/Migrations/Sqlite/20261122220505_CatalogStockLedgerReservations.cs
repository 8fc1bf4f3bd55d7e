using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogStockLedgerReservations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_inventory_Products");

            migrationBuilder.AddColumn<decimal>(
                name: "Abv",
                table: "inventory_Products",
                type: "TEXT",
                precision: 4,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Appellation",
                table: "inventory_Products",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitsPerCase",
                table: "inventory_Products",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Varietal",
                table: "inventory_Products",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Vintage",
                table: "inventory_Products",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VolumeMl",
                table: "inventory_Products",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inventory_BundleComponents",
                columns: table => new
                {
                    BundleSku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ComponentSku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_BundleComponents", x => new { x.BundleSku, x.ComponentSku });
                    table.ForeignKey(
                        name: "FK_inventory_BundleComponents_inventory_Products_BundleSku",
                        column: x => x.BundleSku,
                        principalTable: "inventory_Products",
                        principalColumn: "Sku",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inventory_IdempotencyRecords",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Response = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_IdempotencyRecords", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "inventory_Reservations",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_Reservations", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "inventory_StockMovements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BinCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Lot = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_StockMovements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_StockTransfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromLocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToLocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ShippedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedBinCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_StockTransfers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_ReservationAllocations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReservationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StockItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BinCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Lot = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_ReservationAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inventory_ReservationAllocations_inventory_Reservations_ReservationKey",
                        column: x => x.ReservationKey,
                        principalTable: "inventory_Reservations",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inventory_StockTransferLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromBinCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Lot = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_StockTransferLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inventory_StockTransferLines_inventory_StockTransfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "inventory_StockTransfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inventory_ReservationAllocations_ReservationKey",
                table: "inventory_ReservationAllocations",
                column: "ReservationKey");

            migrationBuilder.CreateIndex(
                name: "IX_inventory_Reservations_Status_ExpiresAt",
                table: "inventory_Reservations",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inventory_StockMovements_Sku_LocationCode",
                table: "inventory_StockMovements",
                columns: new[] { "Sku", "LocationCode" });

            migrationBuilder.CreateIndex(
                name: "IX_inventory_StockTransferLines_TransferId",
                table: "inventory_StockTransferLines",
                column: "TransferId");

            migrationBuilder.CreateIndex(
                name: "IX_inventory_StockTransfers_Status_Sku",
                table: "inventory_StockTransfers",
                columns: new[] { "Status", "Sku" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_BundleComponents");

            migrationBuilder.DropTable(
                name: "inventory_IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "inventory_ReservationAllocations");

            migrationBuilder.DropTable(
                name: "inventory_StockMovements");

            migrationBuilder.DropTable(
                name: "inventory_StockTransferLines");

            migrationBuilder.DropTable(
                name: "inventory_Reservations");

            migrationBuilder.DropTable(
                name: "inventory_StockTransfers");

            migrationBuilder.DropColumn(
                name: "Abv",
                table: "inventory_Products");

            migrationBuilder.DropColumn(
                name: "Appellation",
                table: "inventory_Products");

            migrationBuilder.DropColumn(
                name: "UnitsPerCase",
                table: "inventory_Products");

            migrationBuilder.DropColumn(
                name: "Varietal",
                table: "inventory_Products");

            migrationBuilder.DropColumn(
                name: "Vintage",
                table: "inventory_Products");

            migrationBuilder.DropColumn(
                name: "VolumeMl",
                table: "inventory_Products");

            migrationBuilder.CreateTable(
                name: "inventory_inventory_Products",
                columns: table => new
                {
                    ProductSku = table.Column<string>(type: "TEXT", nullable: false),
                    Abv = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    Appellation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UnitsPerCase = table.Column<int>(type: "INTEGER", nullable: false),
                    Varietal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Vintage = table.Column<int>(type: "INTEGER", nullable: true),
                    VolumeMl = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_inventory_Products", x => x.ProductSku);
                    table.ForeignKey(
                        name: "FK_inventory_inventory_Products_inventory_Products_ProductSku",
                        column: x => x.ProductSku,
                        principalTable: "inventory_Products",
                        principalColumn: "Sku",
                        onDelete: ReferentialAction.Cascade);
                });
        }
    }
}
