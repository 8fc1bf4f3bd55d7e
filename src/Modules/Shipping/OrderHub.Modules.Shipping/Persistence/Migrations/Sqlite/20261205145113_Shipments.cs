using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Shipping.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Shipments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "shipping_Shipments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FulfillmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReservationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShipToLine1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShipToLine2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ShipToCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShipToRegion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShipToPostalCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ShipToCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RequestedService = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContainsAlcohol = table.Column<bool>(type: "INTEGER", nullable: false),
                    AdultSignatureRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ServiceName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CarrierShipmentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RateAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ShipDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EstimatedDelivery = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DepartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_Shipments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shipping_SimulatedLabels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AdultSignature = table.Column<bool>(type: "INTEGER", nullable: false),
                    PackageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    SoldAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_SimulatedLabels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shipping_ShipmentLines",
                columns: table => new
                {
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_ShipmentLines", x => new { x.ShipmentId, x.LineNumber });
                    table.ForeignKey(
                        name: "FK_shipping_ShipmentLines_shipping_Shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "shipping_Shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shipping_ShipmentPackages",
                columns: table => new
                {
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeightGrams = table.Column<int>(type: "INTEGER", nullable: false),
                    LengthCm = table.Column<int>(type: "INTEGER", nullable: false),
                    WidthCm = table.Column<int>(type: "INTEGER", nullable: false),
                    HeightCm = table.Column<int>(type: "INTEGER", nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_ShipmentPackages", x => new { x.ShipmentId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_shipping_ShipmentPackages_shipping_Shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "shipping_Shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shipping_TrackingEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_TrackingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_shipping_TrackingEvents_shipping_Shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "shipping_Shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_shipping_ShipmentPackages_TrackingNumber",
                table: "shipping_ShipmentPackages",
                column: "TrackingNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shipping_Shipments_FulfillmentId",
                table: "shipping_Shipments",
                column: "FulfillmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shipping_Shipments_OrderId",
                table: "shipping_Shipments",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_shipping_SimulatedLabels_Key",
                table: "shipping_SimulatedLabels",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shipping_TrackingEvents_ShipmentId_Status_At",
                table: "shipping_TrackingEvents",
                columns: new[] { "ShipmentId", "Status", "At" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shipping_ShipmentLines");

            migrationBuilder.DropTable(
                name: "shipping_ShipmentPackages");

            migrationBuilder.DropTable(
                name: "shipping_SimulatedLabels");

            migrationBuilder.DropTable(
                name: "shipping_TrackingEvents");

            migrationBuilder.DropTable(
                name: "shipping_Shipments");
        }
    }
}
