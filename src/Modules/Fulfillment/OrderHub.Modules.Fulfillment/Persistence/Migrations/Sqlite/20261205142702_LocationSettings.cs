using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Fulfillment.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LocationSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fulfillment_LocationSettings",
                columns: table => new
                {
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HandlingCost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    DailyLimit = table.Column<int>(type: "INTEGER", nullable: true),
                    CutOffLocal = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PickDeadlineHours = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_LocationSettings", x => x.LocationCode);
                });

            migrationBuilder.CreateTable(
                name: "fulfillment_LocationSettingsChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_LocationSettingsChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_LocationSettingsChanges_At",
                table: "fulfillment_LocationSettingsChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_LocationSettingsChanges_LocationCode_Version",
                table: "fulfillment_LocationSettingsChanges",
                columns: new[] { "LocationCode", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fulfillment_LocationSettings");

            migrationBuilder.DropTable(
                name: "fulfillment_LocationSettingsChanges");
        }
    }
}
