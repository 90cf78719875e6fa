using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkingGroups.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecordedReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Reminders",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterNumber",
                table: "Reminders",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Reminders",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "Reminders",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Reminders");

            migrationBuilder.DropColumn(
                name: "LetterNumber",
                table: "Reminders");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Reminders");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "Reminders");
        }
    }
}
