using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Orders.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReceiptsOnIdempotentRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Receipts (an order's Idempotency-Key) move to the pipeline's IdempotentRequests, answered as the stored ReceivedOrder.
            migrationBuilder.Sql(@"INSERT INTO orders.""IdempotentRequests"" (""Scope"", ""Key"", ""Fingerprint"", ""Response"", ""CreatedAt"") SELECT 'ReceiveOrderCommand', r.""Key"", r.""RequestHash"", '{""orderId"":""' || r.""OrderId""::text || '"",""orderNumber"":""' || o.""Number"" || '""}', r.""CreatedAt"" FROM orders.""IdempotencyRecords"" r JOIN orders.""Orders"" o ON o.""Id"" = r.""OrderId"" WHERE r.""Key"" NOT LIKE 'change:%' ON CONFLICT DO NOTHING");

            migrationBuilder.CreateTable(
                name: "AppliedChanges",
                schema: "orders",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppliedChanges", x => x.Key);
                });

            migrationBuilder.Sql(@"INSERT INTO orders.""AppliedChanges"" (""Key"", ""RequestHash"", ""OrderId"", ""CreatedAt"") SELECT ""Key"", ""RequestHash"", ""OrderId"", ""CreatedAt"" FROM orders.""IdempotencyRecords"" r WHERE r.""Key"" LIKE 'change:%'");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords",
                schema: "orders");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppliedChanges",
                schema: "orders");

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                schema: "orders",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.Key);
                });
        }
    }
}
