using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Shipping.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CartonSscc : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Sscc",
                schema: "shipping",
                table: "ShipmentPackages",
                type: "nvarchar(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SsccSerials",
                schema: "shipping",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ShipmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PackageSequence = table.Column<int>(type: "int", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SsccSerials", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ShipmentPackages_Sscc",
                schema: "shipping",
                table: "ShipmentPackages",
                column: "Sscc",
                unique: true,
                filter: "[Sscc] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SsccSerials_ShipmentId_PackageSequence",
                schema: "shipping",
                table: "SsccSerials",
                columns: new[] { "ShipmentId", "PackageSequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SsccSerials",
                schema: "shipping");

            migrationBuilder.DropIndex(
                name: "IX_ShipmentPackages_Sscc",
                schema: "shipping",
                table: "ShipmentPackages");

            migrationBuilder.DropColumn(
                name: "Sscc",
                schema: "shipping",
                table: "ShipmentPackages");
        }
    }
}
