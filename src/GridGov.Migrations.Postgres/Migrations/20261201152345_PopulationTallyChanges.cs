using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridGov.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PopulationTallyChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PopulationTallies_GridId",
                table: "PopulationTallies");

            migrationBuilder.DropColumn(
                name: "GridId",
                table: "PopulationTallies");

            migrationBuilder.CreateTable(
                name: "PopulationTallyChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Residents = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PopulationTallyChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PopulationTallyChanges_Path",
                table: "PopulationTallyChanges",
                column: "Path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PopulationTallyChanges");

            migrationBuilder.AddColumn<int>(
                name: "GridId",
                table: "PopulationTallies",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PopulationTallies_GridId",
                table: "PopulationTallies",
                column: "GridId");
        }
    }
}
