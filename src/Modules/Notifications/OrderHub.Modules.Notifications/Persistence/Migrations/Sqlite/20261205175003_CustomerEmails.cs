using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Notifications.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DedupKey",
                table: "notifications_EmailMessages",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HtmlBody",
                table: "notifications_EmailMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "notifications_EmailMessages",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notifications_CustomerContacts",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_CustomerContacts", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "notifications_EmailTemplates",
                columns: table => new
                {
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_EmailTemplates", x => x.Type);
                });

            migrationBuilder.CreateTable(
                name: "notifications_PromisedDeliveries",
                columns: table => new
                {
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_PromisedDeliveries", x => x.ShipmentId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_EmailMessages_DedupKey",
                table: "notifications_EmailMessages",
                column: "DedupKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications_CustomerContacts");

            migrationBuilder.DropTable(
                name: "notifications_EmailTemplates");

            migrationBuilder.DropTable(
                name: "notifications_PromisedDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_notifications_EmailMessages_DedupKey",
                table: "notifications_EmailMessages");

            migrationBuilder.DropColumn(
                name: "DedupKey",
                table: "notifications_EmailMessages");

            migrationBuilder.DropColumn(
                name: "HtmlBody",
                table: "notifications_EmailMessages");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "notifications_EmailMessages");
        }
    }
}
