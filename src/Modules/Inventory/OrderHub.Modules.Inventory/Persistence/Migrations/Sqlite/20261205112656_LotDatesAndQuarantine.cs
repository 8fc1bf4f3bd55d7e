using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LotDatesAndQuarantine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpiresOn",
                table: "inventory_StockItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Quarantined",
                table: "inventory_StockItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReceivedOn",
                table: "inventory_StockItems",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiresOn",
                table: "inventory_StockItems");

            migrationBuilder.DropColumn(
                name: "Quarantined",
                table: "inventory_StockItems");

            migrationBuilder.DropColumn(
                name: "ReceivedOn",
                table: "inventory_StockItems");
        }
    }
}
