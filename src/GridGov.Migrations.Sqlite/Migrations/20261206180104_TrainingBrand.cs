using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrainingBrand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Brand",
                table: "TrainingClasses",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkCity",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BrandStations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Brand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandStations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_Brand",
                table: "TrainingClasses",
                column: "Brand");

            migrationBuilder.CreateIndex(
                name: "IX_BrandStations_Brand_Path",
                table: "BrandStations",
                columns: new[] { "Brand", "Path" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BrandStations");

            migrationBuilder.DropIndex(
                name: "IX_TrainingClasses_Brand",
                table: "TrainingClasses");

            migrationBuilder.DropColumn(
                name: "Brand",
                table: "TrainingClasses");

            migrationBuilder.DropColumn(
                name: "WorkCity",
                table: "Enrolments");
        }
    }
}
