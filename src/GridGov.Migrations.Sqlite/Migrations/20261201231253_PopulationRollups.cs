using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PopulationRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PopulationRollupChanges",
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
                    table.PrimaryKey("PK_PopulationRollupChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PopulationRollups",
                columns: table => new
                {
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PopulationRollups", x => x.Path);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PopulationRollupChanges_Path",
                table: "PopulationRollupChanges",
                column: "Path");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PopulationRollupChanges");

            migrationBuilder.DropTable(
                name: "PopulationRollups");
        }
    }
}
