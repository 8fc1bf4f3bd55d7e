using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SupplierFeedCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupplierFeedCheckpoints",
                schema: "inventory",
                columns: table => new
                {
                    LocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LastAsOf = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierFeedCheckpoints", x => x.LocationCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupplierFeedCheckpoints",
                schema: "inventory");
        }
    }
}
