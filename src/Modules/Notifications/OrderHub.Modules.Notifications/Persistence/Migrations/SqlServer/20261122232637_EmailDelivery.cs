using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OrderHub.Modules.Notifications.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EmailDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                schema: "notifications",
                table: "EmailMessages",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                schema: "notifications",
                table: "EmailMessages",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                schema: "notifications",
                table: "EmailMessages",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SentAt",
                schema: "notifications",
                table: "EmailMessages",
                type: "datetimeoffset",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attempts",
                schema: "notifications",
                table: "EmailMessages");

            migrationBuilder.DropColumn(
                name: "LastError",
                schema: "notifications",
                table: "EmailMessages");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                schema: "notifications",
                table: "EmailMessages");

            migrationBuilder.DropColumn(
                name: "SentAt",
                schema: "notifications",
                table: "EmailMessages");
        }
    }
}
