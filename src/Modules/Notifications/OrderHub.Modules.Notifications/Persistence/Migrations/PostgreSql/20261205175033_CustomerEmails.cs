using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Notifications.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CustomerEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DedupKey",
                schema: "notifications",
                table: "EmailMessages",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HtmlBody",
                schema: "notifications",
                table: "EmailMessages",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                schema: "notifications",
                table: "EmailMessages",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CustomerContacts",
                schema: "notifications",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerContacts", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "EmailTemplates",
                schema: "notifications",
                columns: table => new
                {
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailTemplates", x => x.Type);
                });

            migrationBuilder.CreateTable(
                name: "PromisedDeliveries",
                schema: "notifications",
                columns: table => new
                {
                    ShipmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromisedDeliveries", x => x.ShipmentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailMessages_DedupKey",
                schema: "notifications",
                table: "EmailMessages",
                column: "DedupKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerContacts",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "EmailTemplates",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "PromisedDeliveries",
                schema: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_EmailMessages_DedupKey",
                schema: "notifications",
                table: "EmailMessages");

            migrationBuilder.DropColumn(
                name: "DedupKey",
                schema: "notifications",
                table: "EmailMessages");

            migrationBuilder.DropColumn(
                name: "HtmlBody",
                schema: "notifications",
                table: "EmailMessages");

            migrationBuilder.DropColumn(
                name: "Kind",
                schema: "notifications",
                table: "EmailMessages");
        }
    }
}
