using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridGov.Migrations.Postgres.Migrations
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkCity",
                table: "Enrolments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BrandStations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Brand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    City = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Contact = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
