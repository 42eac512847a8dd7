using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrainingStudios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StudioApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StudioName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Master = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MasterLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Grant = table.Column<int>(type: "INTEGER", nullable: true),
                    GrantReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudioApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StudioScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Expert = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudioScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudioScores_StudioApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "StudioApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StudioApplications_Round_Path",
                table: "StudioApplications",
                columns: new[] { "Round", "Path" });

            migrationBuilder.CreateIndex(
                name: "IX_StudioScores_ApplicationId_Expert",
                table: "StudioScores",
                columns: new[] { "ApplicationId", "Expert" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StudioScores");

            migrationBuilder.DropTable(
                name: "StudioApplications");
        }
    }
}
