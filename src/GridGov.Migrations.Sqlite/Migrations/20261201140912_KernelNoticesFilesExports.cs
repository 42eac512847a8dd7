using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KernelNoticesFilesExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Incident notices become notices about a subject of type "incident".
            migrationBuilder.AddColumn<string>(name: "SubjectType", table: "Notices", type: "TEXT", maxLength: 30, nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "SubjectKey", table: "Notices", type: "TEXT", maxLength: 40, nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "SubjectLabel", table: "Notices", type: "TEXT", maxLength: 60, nullable: false, defaultValue: "");
            migrationBuilder.AddColumn<string>(name: "Link", table: "Notices", type: "TEXT", maxLength: 200, nullable: false, defaultValue: "");
            migrationBuilder.Sql("""
                UPDATE "Notices" SET "SubjectType" = 'incident', "SubjectKey" = CAST("IncidentId" AS TEXT),
                    "SubjectLabel" = "IncidentNumber", "Link" = '/incidents/' || CAST("IncidentId" AS TEXT);
                """);
            migrationBuilder.DropColumn(name: "IncidentId", table: "Notices");
            migrationBuilder.DropColumn(name: "IncidentNumber", table: "Notices");
            migrationBuilder.CreateIndex(name: "IX_Notices_SubjectType_SubjectKey", table: "Notices", columns: new[] { "SubjectType", "SubjectKey" });

            // Exports of any module say what they exported; earlier rows stay null and keep their seals.
            migrationBuilder.AddColumn<string>(name: "Subject", table: "ExportRecords", type: "TEXT", maxLength: 30, nullable: true);

            // Incident photos become the Kernel's stored files; a claimed photo belongs to the incident whose step names it.
            migrationBuilder.RenameTable(name: "IncidentPhotos", newName: "StoredFiles");
            migrationBuilder.RenameIndex(name: "IX_IncidentPhotos_StoredName", table: "StoredFiles", newName: "IX_StoredFiles_StoredName");
            migrationBuilder.AddColumn<string>(name: "OwnerType", table: "StoredFiles", type: "TEXT", maxLength: 30, nullable: true);
            migrationBuilder.AddColumn<string>(name: "OwnerKey", table: "StoredFiles", type: "TEXT", maxLength: 40, nullable: true);
            migrationBuilder.Sql("""
                UPDATE "StoredFiles" SET "OwnerType" = 'incident', "OwnerKey" = (
                    SELECT CAST(s."IncidentId" AS TEXT) FROM "IncidentSteps" s
                    WHERE ',' || s."Attachments" || ',' LIKE '%,' || "StoredFiles"."StoredName" || ',%' LIMIT 1)
                WHERE "ClaimedAt" IS NOT NULL;
                """);
            migrationBuilder.CreateIndex(name: "IX_StoredFiles_OwnerType_OwnerKey", table: "StoredFiles", columns: new[] { "OwnerType", "OwnerKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "IX_StoredFiles_OwnerType_OwnerKey", table: "StoredFiles");
            migrationBuilder.DropColumn(name: "OwnerType", table: "StoredFiles");
            migrationBuilder.DropColumn(name: "OwnerKey", table: "StoredFiles");
            migrationBuilder.RenameIndex(name: "IX_StoredFiles_StoredName", table: "StoredFiles", newName: "IX_IncidentPhotos_StoredName");
            migrationBuilder.RenameTable(name: "StoredFiles", newName: "IncidentPhotos");

            migrationBuilder.DropColumn(name: "Subject", table: "ExportRecords");

            migrationBuilder.DropIndex(name: "IX_Notices_SubjectType_SubjectKey", table: "Notices");
            migrationBuilder.AddColumn<int>(name: "IncidentId", table: "Notices", type: "INTEGER", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<string>(name: "IncidentNumber", table: "Notices", type: "TEXT", maxLength: 24, nullable: false, defaultValue: "");
            migrationBuilder.Sql("""DELETE FROM "Notices" WHERE "SubjectType" <> 'incident';""");
            migrationBuilder.Sql("""UPDATE "Notices" SET "IncidentId" = CAST("SubjectKey" AS INTEGER), "IncidentNumber" = "SubjectLabel";""");
            migrationBuilder.DropColumn(name: "SubjectType", table: "Notices");
            migrationBuilder.DropColumn(name: "SubjectKey", table: "Notices");
            migrationBuilder.DropColumn(name: "SubjectLabel", table: "Notices");
            migrationBuilder.DropColumn(name: "Link", table: "Notices");
        }
    }
}
