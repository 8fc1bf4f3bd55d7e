using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Notifications.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "notifications_EmailMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "notifications_EmailMessages",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LockedUntil",
                table: "notifications_EmailMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SentAt",
                table: "notifications_EmailMessages",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "notifications_EmailMessages");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "notifications_EmailMessages");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                table: "notifications_EmailMessages");

            migrationBuilder.DropColumn(
                name: "SentAt",
                table: "notifications_EmailMessages");
        }
    }
}
