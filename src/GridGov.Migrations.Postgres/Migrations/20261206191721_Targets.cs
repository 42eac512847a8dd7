using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridGov.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Targets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Bulletins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    AreaCode = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    AreaName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Office = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    WeekYear = table.Column<int>(type: "integer", nullable: false),
                    WeekNumber = table.Column<int>(type: "integer", nullable: false),
                    WeekFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    WeekTo = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Rounding = table.Column<int>(type: "integer", nullable: false),
                    Decimals = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Highlights = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PreviousId = table.Column<int>(type: "integer", nullable: true),
                    CompiledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CompiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bulletins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CycleSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    AreaCode = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    WeekStartsOn = table.Column<int>(type: "integer", nullable: false),
                    Rounding = table.Column<int>(type: "integer", nullable: false),
                    Decimals = table.Column<int>(type: "integer", nullable: false),
                    Office = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    NumeratorKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    DenominatorKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    AcceptsReports = table.Column<bool>(type: "boolean", nullable: false),
                    Periods = table.Column<int>(type: "integer", nullable: false),
                    MinimumDenominator = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    GreenFrom = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    AmberFrom = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Pledges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    AreaCode = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Signatories = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DocumentName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pledges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulletinLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BulletinId = table.Column<int>(type: "integer", nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    IndicatorName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IndicatorUnit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsTotal = table.Column<bool>(type: "boolean", nullable: false),
                    Numerator = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Denominator = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Tied = table.Column<bool>(type: "boolean", nullable: false),
                    BelowMinimum = table.Column<bool>(type: "boolean", nullable: false),
                    Rag = table.Column<int>(type: "integer", nullable: false),
                    PreviousNumerator = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    PreviousDenominator = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulletinLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BulletinLines_Bulletins_BulletinId",
                        column: x => x.BulletinId,
                        principalTable: "Bulletins",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportedFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    AreaCode = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Numerator = table.Column<long>(type: "bigint", nullable: false),
                    Denominator = table.Column<long>(type: "bigint", nullable: true),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportedFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportedFigures_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    AreaCode = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PeriodKind = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    PledgeId = table.Column<int>(type: "integer", nullable: true),
                    IsLocked = table.Column<bool>(type: "boolean", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    SetBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Targets_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Targets_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Targets_Targets_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TargetRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    OldValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    NewValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetRevisions_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulletinLines_BulletinId_Order_IsTotal",
                table: "BulletinLines",
                columns: new[] { "BulletinId", "Order", "IsTotal" });

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_Path_Office_Year_Number",
                table: "Bulletins",
                columns: new[] { "Path", "Office", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_Path_State_WeekTo",
                table: "Bulletins",
                columns: new[] { "Path", "State", "WeekTo" });

            migrationBuilder.CreateIndex(
                name: "IX_CycleSettings_Path",
                table: "CycleSettings",
                column: "Path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Code",
                table: "Indicators",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_Path_Year",
                table: "Pledges",
                columns: new[] { "Path", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportedFigures_IndicatorId_State_Path",
                table: "ReportedFigures",
                columns: new[] { "IndicatorId", "State", "Path" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetRevisions_TargetId_State",
                table: "TargetRevisions",
                columns: new[] { "TargetId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Targets_IndicatorId_Path_PeriodKind_From",
                table: "Targets",
                columns: new[] { "IndicatorId", "Path", "PeriodKind", "From" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Targets_ParentId",
                table: "Targets",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_Path_From",
                table: "Targets",
                columns: new[] { "Path", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_Targets_PledgeId",
                table: "Targets",
                column: "PledgeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulletinLines");

            migrationBuilder.DropTable(
                name: "CycleSettings");

            migrationBuilder.DropTable(
                name: "ReportedFigures");

            migrationBuilder.DropTable(
                name: "TargetRevisions");

            migrationBuilder.DropTable(
                name: "Bulletins");

            migrationBuilder.DropTable(
                name: "Targets");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "Pledges");
        }
    }
}
