using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridGov.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PopulationLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DeregisteredOn",
                table: "People",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdTailReversed",
                table: "People",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PinyinFull",
                table: "People",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PinyinInitials",
                table: "People",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Residency",
                table: "People",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "People",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "People",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DuplicateReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExistingPersonId = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RelationToHead = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Residency = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuplicateReviews_People_ExistingPersonId",
                        column: x => x.ExistingPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonAccesses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonAccesses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_IdTailReversed",
                table: "People",
                column: "IdTailReversed");

            migrationBuilder.CreateIndex(
                name: "IX_People_Name",
                table: "People",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_People_Phone",
                table: "People",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_People_PinyinFull",
                table: "People",
                column: "PinyinFull");

            migrationBuilder.CreateIndex(
                name: "IX_People_PinyinInitials",
                table: "People",
                column: "PinyinInitials");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateReviews_ExistingPersonId",
                table: "DuplicateReviews",
                column: "ExistingPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateReviews_State_Path",
                table: "DuplicateReviews",
                columns: new[] { "State", "Path" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonAccesses_Path",
                table: "PersonAccesses",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_PersonAccesses_PersonId_At",
                table: "PersonAccesses",
                columns: new[] { "PersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonAccesses_UserName_At",
                table: "PersonAccesses",
                columns: new[] { "UserName", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DuplicateReviews");

            migrationBuilder.DropTable(
                name: "PersonAccesses");

            migrationBuilder.DropIndex(
                name: "IX_People_IdTailReversed",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Name",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Phone",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_PinyinFull",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_PinyinInitials",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DeregisteredOn",
                table: "People");

            migrationBuilder.DropColumn(
                name: "IdTailReversed",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PinyinFull",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PinyinInitials",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Residency",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "People");
        }
    }
}
