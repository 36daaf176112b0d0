using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BalaiKota.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class WalkThrough : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastActivityAt",
                table: "Visits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReopenReason",
                table: "Visits",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReopenedAt",
                table: "Visits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsConfirmation",
                table: "Rooms",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Answers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Severity",
                table: "Answers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VisitSignatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Signer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Png = table.Column<byte[]>(type: "bytea", nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitSignatures_Visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "Visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VisitSignatures_VisitId_Signer",
                table: "VisitSignatures",
                columns: new[] { "VisitId", "Signer" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VisitSignatures");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "ReopenReason",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "ReopenedAt",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "NeedsConfirmation",
                table: "Rooms");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "Severity",
                table: "Answers");
        }
    }
}
