using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataAtRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_IdNumber",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_IdTailReversed",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_Phone",
                table: "People");

            migrationBuilder.DropColumn(
                name: "IdTailReversed",
                table: "People");

            migrationBuilder.AddColumn<string>(
                name: "IdNumberIndex",
                table: "People",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IdTail4Index",
                table: "People",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IdTail5Index",
                table: "People",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IdTail6Index",
                table: "People",
                type: "TEXT",
                maxLength: 24,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PhoneIndex",
                table: "People",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_IdNumberIndex",
                table: "People",
                column: "IdNumberIndex");

            migrationBuilder.CreateIndex(
                name: "IX_People_IdTail4Index",
                table: "People",
                column: "IdTail4Index");

            migrationBuilder.CreateIndex(
                name: "IX_People_IdTail5Index",
                table: "People",
                column: "IdTail5Index");

            migrationBuilder.CreateIndex(
                name: "IX_People_IdTail6Index",
                table: "People",
                column: "IdTail6Index");

            migrationBuilder.CreateIndex(
                name: "IX_People_PhoneIndex",
                table: "People",
                column: "PhoneIndex");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_IdNumberIndex",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_IdTail4Index",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_IdTail5Index",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_IdTail6Index",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_PhoneIndex",
                table: "People");

            migrationBuilder.DropColumn(
                name: "IdNumberIndex",
                table: "People");

            migrationBuilder.DropColumn(
                name: "IdTail4Index",
                table: "People");

            migrationBuilder.DropColumn(
                name: "IdTail5Index",
                table: "People");

            migrationBuilder.DropColumn(
                name: "IdTail6Index",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PhoneIndex",
                table: "People");

            migrationBuilder.AddColumn<string>(
                name: "IdTailReversed",
                table: "People",
                type: "TEXT",
                maxLength: 6,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_People_IdNumber",
                table: "People",
                column: "IdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_People_IdTailReversed",
                table: "People",
                column: "IdTailReversed");

            migrationBuilder.CreateIndex(
                name: "IX_People_Phone",
                table: "People",
                column: "Phone");
        }
    }
}
