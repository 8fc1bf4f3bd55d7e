using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inventory_InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_InboxMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "inventory_Locations",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Line1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Line2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ShipsToConsumers = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_Locations", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "inventory_OutboxMessages",
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
                    table.PrimaryKey("PK_inventory_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inventory_Products",
                columns: table => new
                {
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    WeightGrams = table.Column<int>(type: "INTEGER", nullable: false),
                    IsAlcohol = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_Products", x => x.Sku);
                });

            migrationBuilder.CreateTable(
                name: "inventory_StockItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BinCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Lot = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OnHand = table.Column<int>(type: "INTEGER", nullable: false),
                    Reserved = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_StockItems", x => x.Id);
                    table.CheckConstraint("CK_StockItems_Reserved", "\"Reserved\" >= 0 AND \"Reserved\" <= \"OnHand\"");
                });

            migrationBuilder.CreateTable(
                name: "inventory_Bins",
                columns: table => new
                {
                    LocationCode = table.Column<string>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_Bins", x => new { x.LocationCode, x.Code });
                    table.ForeignKey(
                        name: "FK_inventory_Bins_inventory_Locations_LocationCode",
                        column: x => x.LocationCode,
                        principalTable: "inventory_Locations",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inventory_inventory_Products",
                columns: table => new
                {
                    ProductSku = table.Column<string>(type: "TEXT", nullable: false),
                    Varietal = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Vintage = table.Column<int>(type: "INTEGER", nullable: true),
                    Appellation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VolumeMl = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitsPerCase = table.Column<int>(type: "INTEGER", nullable: false),
                    Abv = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_inventory_OutboxMessages_ProcessedAt_OccurredAt",
                table: "inventory_OutboxMessages",
                columns: new[] { "ProcessedAt", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inventory_StockItems_Sku_LocationCode_BinCode_Lot",
                table: "inventory_StockItems",
                columns: new[] { "Sku", "LocationCode", "BinCode", "Lot" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_Bins");

            migrationBuilder.DropTable(
                name: "inventory_InboxMessages");

            migrationBuilder.DropTable(
                name: "inventory_OutboxMessages");

            migrationBuilder.DropTable(
                name: "inventory_StockItems");

            migrationBuilder.DropTable(
                name: "inventory_inventory_Products");

            migrationBuilder.DropTable(
                name: "inventory_Locations");

            migrationBuilder.DropTable(
                name: "inventory_Products");
        }
    }
}
