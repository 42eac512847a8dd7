using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridGov.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TagTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TagTallies",
                columns: table => new
                {
                    Grain = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    TagId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Starts = table.Column<int>(type: "integer", nullable: false),
                    Ends = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagTallies", x => new { x.Grain, x.Path, x.TagId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "TagTallyChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Grain = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    TagId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Starts = table.Column<int>(type: "integer", nullable: false),
                    Ends = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagTallyChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TagTallyChanges_Grain_Path",
                table: "TagTallyChanges",
                columns: new[] { "Grain", "Path" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TagTallies");

            migrationBuilder.DropTable(
                name: "TagTallyChanges");
        }
    }
}
