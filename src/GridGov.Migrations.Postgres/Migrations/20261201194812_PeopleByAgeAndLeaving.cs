using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleByAgeAndLeaving : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_People_BirthDate_Path",
                table: "People",
                columns: new[] { "BirthDate", "Path" });

            migrationBuilder.CreateIndex(
                name: "IX_People_DeregisteredOn_Path",
                table: "People",
                columns: new[] { "DeregisteredOn", "Path" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_BirthDate_Path",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_DeregisteredOn_Path",
                table: "People");
        }
    }
}
