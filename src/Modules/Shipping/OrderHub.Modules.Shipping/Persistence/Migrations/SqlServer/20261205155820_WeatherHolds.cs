using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Shipping.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WeatherHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ShipOn",
                schema: "shipping",
                table: "Shipments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShipOnReason",
                schema: "shipping",
                table: "Shipments",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WeatherHeldSince",
                schema: "shipping",
                table: "Shipments",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeatherHoldReason",
                schema: "shipping",
                table: "Shipments",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WeatherHoldUntil",
                schema: "shipping",
                table: "Shipments",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_WeatherHeldSince",
                schema: "shipping",
                table: "Shipments",
                column: "WeatherHeldSince");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Shipments_WeatherHeldSince",
                schema: "shipping",
                table: "Shipments");

            migrationBuilder.DropColumn(
                name: "ShipOn",
                schema: "shipping",
                table: "Shipments");

            migrationBuilder.DropColumn(
                name: "ShipOnReason",
                schema: "shipping",
                table: "Shipments");

            migrationBuilder.DropColumn(
                name: "WeatherHeldSince",
                schema: "shipping",
                table: "Shipments");

            migrationBuilder.DropColumn(
                name: "WeatherHoldReason",
                schema: "shipping",
                table: "Shipments");

            migrationBuilder.DropColumn(
                name: "WeatherHoldUntil",
                schema: "shipping",
                table: "Shipments");
        }
    }
}
