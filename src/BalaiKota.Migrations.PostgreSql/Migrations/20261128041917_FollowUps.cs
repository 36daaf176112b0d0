using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BalaiKota.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HandBackReason",
                table: "FollowUpTasks",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoTaskId",
                table: "FollowUpTasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandBackReason",
                table: "FollowUpTaskEvents",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Notifications_FollowUpTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_MergedIntoTaskId",
                table: "FollowUpTasks",
                column: "MergedIntoTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TaskId_Kind",
                table: "Notifications",
                columns: new[] { "TaskId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUpTasks_FollowUpTasks_MergedIntoTaskId",
                table: "FollowUpTasks",
                column: "MergedIntoTaskId",
                principalTable: "FollowUpTasks",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUpTasks_FollowUpTasks_MergedIntoTaskId",
                table: "FollowUpTasks");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_MergedIntoTaskId",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "HandBackReason",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "MergedIntoTaskId",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "HandBackReason",
                table: "FollowUpTaskEvents");
        }
    }
}
