using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Shipping.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CartonSscc : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Sscc",
                table: "shipping_ShipmentPackages",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "shipping_SsccSerials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PackageSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipping_SsccSerials", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_shipping_ShipmentPackages_Sscc",
                table: "shipping_ShipmentPackages",
                column: "Sscc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shipping_SsccSerials_ShipmentId_PackageSequence",
                table: "shipping_SsccSerials",
                columns: new[] { "ShipmentId", "PackageSequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shipping_SsccSerials");

            migrationBuilder.DropIndex(
                name: "IX_shipping_ShipmentPackages_Sscc",
                table: "shipping_ShipmentPackages");

            migrationBuilder.DropColumn(
                name: "Sscc",
                table: "shipping_ShipmentPackages");
        }
    }
}
