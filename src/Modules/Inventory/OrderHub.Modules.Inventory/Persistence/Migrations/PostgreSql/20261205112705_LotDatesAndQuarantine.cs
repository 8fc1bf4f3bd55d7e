using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Inventory.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LotDatesAndQuarantine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpiresOn",
                schema: "inventory",
                table: "StockItems",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Quarantined",
                schema: "inventory",
                table: "StockItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReceivedOn",
                schema: "inventory",
                table: "StockItems",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiresOn",
                schema: "inventory",
                table: "StockItems");

            migrationBuilder.DropColumn(
                name: "Quarantined",
                schema: "inventory",
                table: "StockItems");

            migrationBuilder.DropColumn(
                name: "ReceivedOn",
                schema: "inventory",
                table: "StockItems");
        }
    }
}
