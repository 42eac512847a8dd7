using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IncidentTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IncidentTallies",
                columns: table => new
                {
                    Grain = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CategoryGroup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LeadDepartmentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reported = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Rework = table.Column<int>(type: "INTEGER", nullable: false),
                    Extended = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalated = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfResolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Overdue = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesSum = table.Column<long>(type: "INTEGER", nullable: false),
                    MinutesCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentTallies", x => new { x.Grain, x.Period, x.Path, x.CategoryGroup, x.LeadDepartmentCode });
                });

            migrationBuilder.CreateTable(
                name: "IncidentTallyChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Grain = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CategoryGroup = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LeadDepartmentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reported = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    Rework = table.Column<int>(type: "INTEGER", nullable: false),
                    Extended = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalations = table.Column<int>(type: "INTEGER", nullable: false),
                    Escalated = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfResolved = table.Column<int>(type: "INTEGER", nullable: false),
                    Overdue = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesSum = table.Column<long>(type: "INTEGER", nullable: false),
                    MinutesCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentTallyChanges", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentTallies");

            migrationBuilder.DropTable(
                name: "IncidentTallyChanges");
        }
    }
}
