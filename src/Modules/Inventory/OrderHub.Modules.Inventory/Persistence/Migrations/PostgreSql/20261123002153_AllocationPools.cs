using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AllocationPools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PoolName",
                schema: "inventory",
                table: "ReservationAllocations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AllocationPools",
                schema: "inventory",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CustomerTag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    ReleaseAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleaseReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationPools", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "AllocationPoolItems",
                schema: "inventory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StockItemId = table.Column<long>(type: "bigint", nullable: false),
                    Sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BinCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Lot = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Remaining = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationPoolItems", x => x.Id);
                    table.CheckConstraint("CK_AllocationPoolItems_Remaining", "\"Remaining\" >= 0 AND \"Remaining\" <= \"Quantity\"");
                    table.ForeignKey(
                        name: "FK_AllocationPoolItems_AllocationPools_PoolName",
                        column: x => x.PoolName,
                        principalSchema: "inventory",
                        principalTable: "AllocationPools",
                        principalColumn: "Name",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AllocationPoolItems_PoolName",
                schema: "inventory",
                table: "AllocationPoolItems",
                column: "PoolName");

            migrationBuilder.CreateIndex(
                name: "IX_AllocationPoolItems_Sku_LocationCode",
                schema: "inventory",
                table: "AllocationPoolItems",
                columns: new[] { "Sku", "LocationCode" });

            migrationBuilder.CreateIndex(
                name: "IX_AllocationPools_Status_ReleaseAt",
                schema: "inventory",
                table: "AllocationPools",
                columns: new[] { "Status", "ReleaseAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllocationPoolItems",
                schema: "inventory");

            migrationBuilder.DropTable(
                name: "AllocationPools",
                schema: "inventory");

            migrationBuilder.DropColumn(
                name: "PoolName",
                schema: "inventory",
                table: "ReservationAllocations");
        }
    }
}
