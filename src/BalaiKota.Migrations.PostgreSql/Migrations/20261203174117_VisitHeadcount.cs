using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BalaiKota.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class VisitHeadcount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FemaleHeadcount",
                table: "Visits",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MaleHeadcount",
                table: "Visits",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Visits recorded before the headcount was pinned keep the OPD's figures of today from now on.
            migrationBuilder.Sql("""
                UPDATE "Visits" SET
                    "MaleHeadcount" = (SELECT "MaleHeadcount" FROM "Opds" WHERE "Opds"."Id" = "Visits"."OpdId"),
                    "FemaleHeadcount" = (SELECT "FemaleHeadcount" FROM "Opds" WHERE "Opds"."Id" = "Visits"."OpdId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FemaleHeadcount",
                table: "Visits");

            migrationBuilder.DropColumn(
                name: "MaleHeadcount",
                table: "Visits");
        }
    }
}
