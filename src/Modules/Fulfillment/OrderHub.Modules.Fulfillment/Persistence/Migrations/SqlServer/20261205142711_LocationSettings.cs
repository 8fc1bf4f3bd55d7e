using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Fulfillment.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LocationSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LocationSettings",
                schema: "fulfillment",
                columns: table => new
                {
                    LocationCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    HandlingCost = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    DailyLimit = table.Column<int>(type: "int", nullable: true),
                    CutOffLocal = table.Column<TimeOnly>(type: "time", nullable: true),
                    TimeZone = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PickDeadlineHours = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocationSettings", x => x.LocationCode);
                });

            migrationBuilder.CreateTable(
                name: "LocationSettingsChanges",
                schema: "fulfillment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LocationCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Before = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    After = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocationSettingsChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LocationSettingsChanges_At",
                schema: "fulfillment",
                table: "LocationSettingsChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_LocationSettingsChanges_LocationCode_Version",
                schema: "fulfillment",
                table: "LocationSettingsChanges",
                columns: new[] { "LocationCode", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LocationSettings",
                schema: "fulfillment");

            migrationBuilder.DropTable(
                name: "LocationSettingsChanges",
                schema: "fulfillment");
        }
    }
}
