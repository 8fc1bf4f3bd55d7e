using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupplierFeedCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inventory_SupplierFeedCheckpoints",
                columns: table => new
                {
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LastAsOf = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_SupplierFeedCheckpoints", x => x.LocationCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_SupplierFeedCheckpoints");
        }
    }
}
