using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CountyMonthTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The county month tallies are the county day tallies added up by month: tallies and pending changes alike.
            migrationBuilder.Sql("""
                INSERT INTO "IncidentTallies" ("Grain", "Period", "Path", "CategoryGroup", "LeadDepartmentCode", "Reported", "Accepted", "Closed", "ClosedOnTime", "Rework", "Extended", "Escalations", "Escalated", "SelfResolved", "Overdue", "MinutesSum", "MinutesCount")
                SELECT 3, "Period" / 100, "Path", "CategoryGroup", "LeadDepartmentCode", SUM("Reported"), SUM("Accepted"), SUM("Closed"), SUM("ClosedOnTime"), SUM("Rework"), SUM("Extended"), SUM("Escalations"), SUM("Escalated"), SUM("SelfResolved"), SUM("Overdue"), SUM("MinutesSum"), SUM("MinutesCount")
                FROM "IncidentTallies" WHERE "Grain" = 0
                GROUP BY "Period" / 100, "Path", "CategoryGroup", "LeadDepartmentCode";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "IncidentTallyChanges" ("Grain", "Period", "Path", "CategoryGroup", "LeadDepartmentCode", "Reported", "Accepted", "Closed", "ClosedOnTime", "Rework", "Extended", "Escalations", "Escalated", "SelfResolved", "Overdue", "MinutesSum", "MinutesCount")
                SELECT 3, "Period" / 100, "Path", "CategoryGroup", "LeadDepartmentCode", SUM("Reported"), SUM("Accepted"), SUM("Closed"), SUM("ClosedOnTime"), SUM("Rework"), SUM("Extended"), SUM("Escalations"), SUM("Escalated"), SUM("SelfResolved"), SUM("Overdue"), SUM("MinutesSum"), SUM("MinutesCount")
                FROM "IncidentTallyChanges" WHERE "Grain" = 0
                GROUP BY "Period" / 100, "Path", "CategoryGroup", "LeadDepartmentCode";
                """);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "IncidentTallies" WHERE "Grain" = 3;""");
            migrationBuilder.Sql("""DELETE FROM "IncidentTallyChanges" WHERE "Grain" = 3;""");

        }
    }
}
