using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
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
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: true),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false)
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
