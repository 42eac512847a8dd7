using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrainingEmployment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CheckedBy",
                table: "Enrolments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EmployedOn",
                table: "Enrolments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Employer",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmploymentRecordedBy",
                table: "Enrolments",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_HomePath_EmployedOn",
                table: "Enrolments",
                columns: new[] { "HomePath", "EmployedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_HomePath_FinishedOn",
                table: "Enrolments",
                columns: new[] { "HomePath", "FinishedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_HomePath_EmployedOn",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_HomePath_FinishedOn",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "CheckedBy",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "EmployedOn",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "Employer",
                table: "Enrolments");

            migrationBuilder.DropColumn(
                name: "EmploymentRecordedBy",
                table: "Enrolments");
        }
    }
}
