using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrderHub.Modules.Shipping.Persistence.Migrations.PostgreSql
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
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SsccSerials",
                schema: "shipping",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShipmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PackageSequence = table.Column<int>(type: "integer", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                unique: true);

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
