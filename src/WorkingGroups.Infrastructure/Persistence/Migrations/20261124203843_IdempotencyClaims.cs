using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkingGroups.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "IdempotencyRecords",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "ProcessId",
                table: "IdempotencyRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ProcessId",
                table: "IdempotencyRecords",
                column: "ProcessId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IdempotencyRecords_ProcessId",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "ProcessId",
                table: "IdempotencyRecords");

            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "IdempotencyRecords",
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
