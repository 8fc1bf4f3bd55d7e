using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SqliteOwnedTables : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
