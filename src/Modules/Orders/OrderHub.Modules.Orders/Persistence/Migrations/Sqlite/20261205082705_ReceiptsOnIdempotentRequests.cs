using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Orders.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReceiptsOnIdempotentRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Receipts (an order's Idempotency-Key) move to the pipeline's IdempotentRequests, answered as the stored ReceivedOrder.
            migrationBuilder.Sql(@"INSERT INTO ""orders_IdempotentRequests"" (""Scope"", ""Key"", ""Fingerprint"", ""Response"", ""CreatedAt"") SELECT 'ReceiveOrderCommand', r.""Key"", r.""RequestHash"", '{""orderId"":""' || r.""OrderId"" || '"",""orderNumber"":""' || o.""Number"" || '""}', r.""CreatedAt"" FROM ""orders_IdempotencyRecords"" r JOIN ""orders_Orders"" o ON o.""Id"" = r.""OrderId"" WHERE r.""Key"" NOT LIKE 'change:%' ON CONFLICT DO NOTHING");

            migrationBuilder.CreateTable(
                name: "orders_AppliedChanges",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_AppliedChanges", x => x.Key);
                });

            migrationBuilder.Sql(@"INSERT INTO ""orders_AppliedChanges"" (""Key"", ""RequestHash"", ""OrderId"", ""CreatedAt"") SELECT ""Key"", ""RequestHash"", ""OrderId"", ""CreatedAt"" FROM ""orders_IdempotencyRecords"" r WHERE r.""Key"" LIKE 'change:%'");

            migrationBuilder.DropTable(
                name: "orders_IdempotencyRecords");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "orders_AppliedChanges");

            migrationBuilder.CreateTable(
                name: "orders_IdempotencyRecords",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_orders_IdempotencyRecords", x => x.Key);
                });
        }
    }
}
