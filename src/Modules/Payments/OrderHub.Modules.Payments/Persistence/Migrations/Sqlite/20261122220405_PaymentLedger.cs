using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Payments.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaymentLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "payments_Transactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CommandKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    GatewayKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Gateway = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    AuthorizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ReleasesAll = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeclineCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments_Transactions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_payments_Transactions_CommandKey",
                table: "payments_Transactions",
                column: "CommandKey");

            migrationBuilder.CreateIndex(
                name: "IX_payments_Transactions_GatewayKey",
                table: "payments_Transactions",
                column: "GatewayKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_Transactions_OrderId_CreatedAt",
                table: "payments_Transactions",
                columns: new[] { "OrderId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_Transactions_Outcome",
                table: "payments_Transactions",
                column: "Outcome");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "payments_Transactions");
        }
    }
}
