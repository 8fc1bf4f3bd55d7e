using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Shipping.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Manifests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LabelGeneration",
                table: "shipping_Shipments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "VoidReason",
                table: "shipping_Shipments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "VoidedAt",
                table: "shipping_Shipments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "shipping_AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shipping_Manifests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_Manifests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shipping_Pickups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReadyBy = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    CloseBy = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ConfirmationNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_Pickups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shipping_ManifestShipments",
                columns: table => new
                {
                    ManifestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_ManifestShipments", x => new { x.ManifestId, x.ShipmentId });
                    table.ForeignKey(
                        name: "FK_shipping_ManifestShipments_shipping_Manifests_ManifestId",
                        column: x => x.ManifestId,
                        principalTable: "shipping_Manifests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_shipping_AuditEntries_SubjectId",
                table: "shipping_AuditEntries",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_shipping_ManifestShipments_ShipmentId",
                table: "shipping_ManifestShipments",
                column: "ShipmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shipping_Manifests_Carrier_LocationCode_Date",
                table: "shipping_Manifests",
                columns: new[] { "Carrier", "LocationCode", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shipping_Pickups_Carrier_LocationCode_Date",
                table: "shipping_Pickups",
                columns: new[] { "Carrier", "LocationCode", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shipping_AuditEntries");

            migrationBuilder.DropTable(
                name: "shipping_ManifestShipments");

            migrationBuilder.DropTable(
                name: "shipping_Pickups");

            migrationBuilder.DropTable(
                name: "shipping_Manifests");

            migrationBuilder.DropColumn(
                name: "LabelGeneration",
                table: "shipping_Shipments");

            migrationBuilder.DropColumn(
                name: "VoidReason",
                table: "shipping_Shipments");

            migrationBuilder.DropColumn(
                name: "VoidedAt",
                table: "shipping_Shipments");
        }
    }
}
