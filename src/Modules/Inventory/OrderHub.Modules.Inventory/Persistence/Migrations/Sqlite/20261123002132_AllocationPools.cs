using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AllocationPools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PoolName",
                table: "inventory_ReservationAllocations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inventory_AllocationPools",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CustomerTag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleaseAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleaseReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_AllocationPools", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "inventory_AllocationPoolItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PoolName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StockItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BinCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Lot = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Remaining = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_AllocationPoolItems", x => x.Id);
                    table.CheckConstraint("CK_AllocationPoolItems_Remaining", "\"Remaining\" >= 0 AND \"Remaining\" <= \"Quantity\"");
                    table.ForeignKey(
                        name: "FK_inventory_AllocationPoolItems_inventory_AllocationPools_PoolName",
                        column: x => x.PoolName,
                        principalTable: "inventory_AllocationPools",
                        principalColumn: "Name",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inventory_AllocationPoolItems_PoolName",
                table: "inventory_AllocationPoolItems",
                column: "PoolName");

            migrationBuilder.CreateIndex(
                name: "IX_inventory_AllocationPoolItems_Sku_LocationCode",
                table: "inventory_AllocationPoolItems",
                columns: new[] { "Sku", "LocationCode" });

            migrationBuilder.CreateIndex(
                name: "IX_inventory_AllocationPools_Status_ReleaseAt",
                table: "inventory_AllocationPools",
                columns: new[] { "Status", "ReleaseAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_AllocationPoolItems");

            migrationBuilder.DropTable(
                name: "inventory_AllocationPools");

            migrationBuilder.DropColumn(
                name: "PoolName",
                table: "inventory_ReservationAllocations");
        }
    }
}
