using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Orders.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrderLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AdultSignatureRequired",
                table: "orders_Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "AuthorizedAmount",
                table: "orders_Orders",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "BillCity",
                table: "orders_Orders",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillCountry",
                table: "orders_Orders",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillLine1",
                table: "orders_Orders",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillLine2",
                table: "orders_Orders",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillPostalCode",
                table: "orders_Orders",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillRegion",
                table: "orders_Orders",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ComplianceDecisionId",
                table: "orders_Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoOrderId",
                table: "orders_Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentToken",
                table: "orders_Orders",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ShippingCharge",
                table: "orders_Orders",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "ShippingService",
                table: "orders_Orders",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "StockReserved",
                table: "orders_Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "Subtotal",
                table: "orders_Orders",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Tax",
                table: "orders_Orders",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Total",
                table: "orders_Orders",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "orders_Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "orders_Orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "UnitPrice",
                table: "orders_OrderLines",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "orders_OrderHolds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PlacedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlacedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReleaseReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_OrderHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_orders_OrderHolds_orders_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "orders_Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_orders_Orders_ExternalReference",
                table: "orders_Orders",
                column: "ExternalReference");

            migrationBuilder.CreateIndex(
                name: "IX_orders_Orders_PlacedAt",
                table: "orders_Orders",
                column: "PlacedAt");

            migrationBuilder.CreateIndex(
                name: "IX_orders_OrderHolds_OrderId",
                table: "orders_OrderHolds",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_OrderHolds");

            migrationBuilder.DropIndex(
                name: "IX_orders_Orders_ExternalReference",
                table: "orders_Orders");

            migrationBuilder.DropIndex(
                name: "IX_orders_Orders_PlacedAt",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "AdultSignatureRequired",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "AuthorizedAmount",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "BillCity",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "BillCountry",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "BillLine1",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "BillLine2",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "BillPostalCode",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "BillRegion",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "ComplianceDecisionId",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "MergedIntoOrderId",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "PaymentToken",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "ShippingCharge",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "ShippingService",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "StockReserved",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "Subtotal",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "Tax",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "Total",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "orders_Orders");

            migrationBuilder.DropColumn(
                name: "UnitPrice",
                table: "orders_OrderLines");
        }
    }
}
