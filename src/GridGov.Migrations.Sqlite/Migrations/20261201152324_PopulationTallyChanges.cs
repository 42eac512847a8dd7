using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false)
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PopulationTallies_GridId",
                table: "PopulationTallies",
                column: "GridId");
        }
    }
}
