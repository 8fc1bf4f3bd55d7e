using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Fulfillment.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PickListsAndPackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginPostalCode",
                table: "fulfillment_Fulfillments",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "PickListId",
                table: "fulfillment_Fulfillments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "fulfillment_Packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FulfillmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Box = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WeightGrams = table.Column<int>(type: "INTEGER", nullable: false),
                    LengthCm = table.Column<int>(type: "INTEGER", nullable: false),
                    WidthCm = table.Column<int>(type: "INTEGER", nullable: false),
                    HeightCm = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_Packages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_fulfillment_Packages_fulfillment_Fulfillments_FulfillmentId",
                        column: x => x.FulfillmentId,
                        principalTable: "fulfillment_Fulfillments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fulfillment_PickLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FulfillmentIds = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_PickLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fulfillment_PickListItems",
                columns: table => new
                {
                    PickListId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Bin = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Lot = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FulfillmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PickedQuantity = table.Column<int>(type: "INTEGER", nullable: true),
                    PickedLot = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fulfillment_PickListItems", x => new { x.PickListId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_fulfillment_PickListItems_fulfillment_PickLists_PickListId",
                        column: x => x.PickListId,
                        principalTable: "fulfillment_PickLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_Packages_FulfillmentId",
                table: "fulfillment_Packages",
                column: "FulfillmentId");

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_PickListItems_FulfillmentId",
                table: "fulfillment_PickListItems",
                column: "FulfillmentId");

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_PickLists_LocationCode_CreatedAt",
                table: "fulfillment_PickLists",
                columns: new[] { "LocationCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_fulfillment_PickLists_Number",
                table: "fulfillment_PickLists",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fulfillment_Packages");

            migrationBuilder.DropTable(
                name: "fulfillment_PickListItems");

            migrationBuilder.DropTable(
                name: "fulfillment_PickLists");

            migrationBuilder.DropColumn(
                name: "OriginPostalCode",
                table: "fulfillment_Fulfillments");

            migrationBuilder.DropColumn(
                name: "PickListId",
                table: "fulfillment_Fulfillments");
        }
    }
}
