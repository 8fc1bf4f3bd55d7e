using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Shipping.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WeatherHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ShipOn",
                table: "shipping_Shipments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShipOnReason",
                table: "shipping_Shipments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WeatherHeldSince",
                table: "shipping_Shipments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeatherHoldReason",
                table: "shipping_Shipments",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WeatherHoldUntil",
                table: "shipping_Shipments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_shipping_Shipments_WeatherHeldSince",
                table: "shipping_Shipments",
                column: "WeatherHeldSince");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_shipping_Shipments_WeatherHeldSince",
                table: "shipping_Shipments");

            migrationBuilder.DropColumn(
                name: "ShipOn",
                table: "shipping_Shipments");

            migrationBuilder.DropColumn(
                name: "ShipOnReason",
                table: "shipping_Shipments");

            migrationBuilder.DropColumn(
                name: "WeatherHeldSince",
                table: "shipping_Shipments");

            migrationBuilder.DropColumn(
                name: "WeatherHoldReason",
                table: "shipping_Shipments");

            migrationBuilder.DropColumn(
                name: "WeatherHoldUntil",
                table: "shipping_Shipments");
        }
    }
}
