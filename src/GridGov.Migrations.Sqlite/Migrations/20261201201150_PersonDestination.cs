using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonDestination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Destination",
                table: "People",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Destination",
                table: "People");
        }
    }
}
