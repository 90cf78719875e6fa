using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkingGroups.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OwnEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The processes are their own engine now (decision 0023): the engine library's instances, subscriptions and events go.
            // A process the old engine had not caught up with is moved on at the first start (ProcessService.CatchUpAsync).
            migrationBuilder.DropTable(
                name: "EngineEvents");

            migrationBuilder.DropTable(
                name: "EngineExecutionErrors");

            migrationBuilder.DropTable(
                name: "EngineScheduledCommands");

            migrationBuilder.DropTable(
                name: "EngineSubscriptions");

            migrationBuilder.DropTable(
                name: "EngineWorkflows");

            migrationBuilder.DropColumn(
                name: "EngineInstanceId",
                table: "Processes");

            migrationBuilder.AddColumn<string>(
                name: "Rounds",
                table: "ProcessSteps",
                type: "text",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Rounds",
                table: "ProcessSteps");

            migrationBuilder.AddColumn<string>(
                name: "EngineInstanceId",
                table: "Processes",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EngineEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EventDataJson = table.Column<string>(type: "text", nullable: true),
                    EventKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EventName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EventTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsProcessed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineExecutionErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ErrorTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExecutionPointerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Message = table.Column<string>(type: "text", nullable: true),
                    WorkflowId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineExecutionErrors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineScheduledCommands",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommandName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Data = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExecuteTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineScheduledCommands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineSubscriptions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EventKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EventName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExecutionPointerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ExternalToken = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ExternalTokenExpiry = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExternalWorkerId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StepId = table.Column<int>(type: "integer", nullable: false),
                    SubscribeAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubscriptionDataJson = table.Column<string>(type: "text", nullable: true),
                    WorkflowId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineWorkflows",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CompleteTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false),
                    CreateTime = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DataJson = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ExecutionPointersJson = table.Column<string>(type: "text", nullable: false),
                    NextExecution = table.Column<long>(type: "bigint", nullable: true),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    WorkflowDefinitionId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineWorkflows", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EngineEvents_EventName_EventKey_EventTime",
                table: "EngineEvents",
                columns: new[] { "EventName", "EventKey", "EventTime" });

            migrationBuilder.CreateIndex(
                name: "IX_EngineEvents_IsProcessed_EventTime",
                table: "EngineEvents",
                columns: new[] { "IsProcessed", "EventTime" });

            migrationBuilder.CreateIndex(
                name: "IX_EngineExecutionErrors_WorkflowId",
                table: "EngineExecutionErrors",
                column: "WorkflowId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineScheduledCommands_CommandName_Data",
                table: "EngineScheduledCommands",
                columns: new[] { "CommandName", "Data" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngineScheduledCommands_ExecuteTime",
                table: "EngineScheduledCommands",
                column: "ExecuteTime");

            migrationBuilder.CreateIndex(
                name: "IX_EngineSubscriptions_EventName_EventKey",
                table: "EngineSubscriptions",
                columns: new[] { "EventName", "EventKey" });

            migrationBuilder.CreateIndex(
                name: "IX_EngineSubscriptions_WorkflowId",
                table: "EngineSubscriptions",
                column: "WorkflowId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineWorkflows_Reference",
                table: "EngineWorkflows",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_EngineWorkflows_Status_NextExecution",
                table: "EngineWorkflows",
                columns: new[] { "Status", "NextExecution" });
        }
    }
}
