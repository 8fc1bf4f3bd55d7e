using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OrderHub.Modules.Orders.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OrderLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AdultSignatureRequired",
                schema: "orders",
                table: "Orders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "AuthorizedAmount",
                schema: "orders",
                table: "Orders",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "BillCity",
                schema: "orders",
                table: "Orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillCountry",
                schema: "orders",
                table: "Orders",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillLine1",
                schema: "orders",
                table: "Orders",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillLine2",
                schema: "orders",
                table: "Orders",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillPostalCode",
                schema: "orders",
                table: "Orders",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillRegion",
                schema: "orders",
                table: "Orders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ComplianceDecisionId",
                schema: "orders",
                table: "Orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoOrderId",
                schema: "orders",
                table: "Orders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentToken",
                schema: "orders",
                table: "Orders",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ShippingCharge",
                schema: "orders",
                table: "Orders",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "ShippingService",
                schema: "orders",
                table: "Orders",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "StockReserved",
                schema: "orders",
                table: "Orders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "Subtotal",
                schema: "orders",
                table: "Orders",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Tax",
                schema: "orders",
                table: "Orders",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "Total",
                schema: "orders",
                table: "Orders",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                schema: "orders",
                table: "Orders",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "orders",
                table: "Orders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "UnitPrice",
                schema: "orders",
                table: "OrderLines",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "OrderHolds",
                schema: "orders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Rule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PlacedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleasedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReleaseReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderHolds_Orders_OrderId",
                        column: x => x.OrderId,
                        principalSchema: "orders",
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ExternalReference",
                schema: "orders",
                table: "Orders",
                column: "ExternalReference");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PlacedAt",
                schema: "orders",
                table: "Orders",
                column: "PlacedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OrderHolds_OrderId",
                schema: "orders",
                table: "OrderHolds",
                column: "OrderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OrderHolds",
                schema: "orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ExternalReference",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_PlacedAt",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "AdultSignatureRequired",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "AuthorizedAmount",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "BillCity",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "BillCountry",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "BillLine1",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "BillLine2",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "BillPostalCode",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "BillRegion",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ComplianceDecisionId",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "MergedIntoOrderId",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "PaymentToken",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ShippingCharge",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ShippingService",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "StockReserved",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Subtotal",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Tax",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Total",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "orders",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "UnitPrice",
                schema: "orders",
                table: "OrderLines");
        }
    }
}
