using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridGov.Migrations.Postgres.Migrations
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
                    Grain = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    CategoryGroup = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LeadDepartmentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reported = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "integer", nullable: false),
                    Rework = table.Column<int>(type: "integer", nullable: false),
                    Extended = table.Column<int>(type: "integer", nullable: false),
                    Escalations = table.Column<int>(type: "integer", nullable: false),
                    Escalated = table.Column<int>(type: "integer", nullable: false),
                    SelfResolved = table.Column<int>(type: "integer", nullable: false),
                    Overdue = table.Column<int>(type: "integer", nullable: false),
                    MinutesSum = table.Column<long>(type: "bigint", nullable: false),
                    MinutesCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentTallies", x => new { x.Grain, x.Period, x.Path, x.CategoryGroup, x.LeadDepartmentCode });
                });

            migrationBuilder.CreateTable(
                name: "IncidentTallyChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Grain = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    CategoryGroup = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LeadDepartmentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reported = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "integer", nullable: false),
                    Rework = table.Column<int>(type: "integer", nullable: false),
                    Extended = table.Column<int>(type: "integer", nullable: false),
                    Escalations = table.Column<int>(type: "integer", nullable: false),
                    Escalated = table.Column<int>(type: "integer", nullable: false),
                    SelfResolved = table.Column<int>(type: "integer", nullable: false),
                    Overdue = table.Column<int>(type: "integer", nullable: false),
                    MinutesSum = table.Column<long>(type: "bigint", nullable: false),
                    MinutesCount = table.Column<int>(type: "integer", nullable: false)
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
