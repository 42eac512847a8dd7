using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PopulationTally : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PopulationTallies",
                columns: table => new
                {
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    GridId = table.Column<int>(type: "integer", nullable: true),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    Residents = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PopulationTallies", x => x.Path);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PopulationTallies_GridId",
                table: "PopulationTallies",
                column: "GridId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PopulationTallies");
        }
    }
}
