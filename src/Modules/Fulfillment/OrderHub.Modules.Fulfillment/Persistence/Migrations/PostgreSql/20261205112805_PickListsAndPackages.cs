using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Fulfillment.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PickListsAndPackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginPostalCode",
                schema: "fulfillment",
                table: "Fulfillments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "PickListId",
                schema: "fulfillment",
                table: "Fulfillments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Packages",
                schema: "fulfillment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FulfillmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Box = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WeightGrams = table.Column<int>(type: "integer", nullable: false),
                    LengthCm = table.Column<int>(type: "integer", nullable: false),
                    WidthCm = table.Column<int>(type: "integer", nullable: false),
                    HeightCm = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Packages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Packages_Fulfillments_FulfillmentId",
                        column: x => x.FulfillmentId,
                        principalSchema: "fulfillment",
                        principalTable: "Fulfillments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PickLists",
                schema: "fulfillment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LocationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FulfillmentIds = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PickLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PickListItems",
                schema: "fulfillment",
                columns: table => new
                {
                    PickListId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Bin = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Lot = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    OrderNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FulfillmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PickedQuantity = table.Column<int>(type: "integer", nullable: true),
                    PickedLot = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PickListItems", x => new { x.PickListId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_PickListItems_PickLists_PickListId",
                        column: x => x.PickListId,
                        principalSchema: "fulfillment",
                        principalTable: "PickLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Packages_FulfillmentId",
                schema: "fulfillment",
                table: "Packages",
                column: "FulfillmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PickListItems_FulfillmentId",
                schema: "fulfillment",
                table: "PickListItems",
                column: "FulfillmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PickLists_LocationCode_CreatedAt",
                schema: "fulfillment",
                table: "PickLists",
                columns: new[] { "LocationCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PickLists_Number",
                schema: "fulfillment",
                table: "PickLists",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Packages",
                schema: "fulfillment");

            migrationBuilder.DropTable(
                name: "PickListItems",
                schema: "fulfillment");

            migrationBuilder.DropTable(
                name: "PickLists",
                schema: "fulfillment");

            migrationBuilder.DropColumn(
                name: "OriginPostalCode",
                schema: "fulfillment",
                table: "Fulfillments");

            migrationBuilder.DropColumn(
                name: "PickListId",
                schema: "fulfillment",
                table: "Fulfillments");
        }
    }
}
