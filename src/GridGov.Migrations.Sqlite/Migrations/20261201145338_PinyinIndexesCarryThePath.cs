using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PinyinIndexesCarryThePath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_PinyinFull",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_PinyinInitials",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_PinyinFull_Path",
                table: "People",
                columns: new[] { "PinyinFull", "Path" });

            migrationBuilder.CreateIndex(
                name: "IX_People_PinyinInitials_Path",
                table: "People",
                columns: new[] { "PinyinInitials", "Path" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_PinyinFull_Path",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_PinyinInitials_Path",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_PinyinFull",
                table: "People",
                column: "PinyinFull");

            migrationBuilder.CreateIndex(
                name: "IX_People_PinyinInitials",
                table: "People",
                column: "PinyinInitials");
        }
    }
}
