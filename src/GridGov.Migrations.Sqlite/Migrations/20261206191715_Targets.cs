using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekYear = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WeekTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rounding = table.Column<int>(type: "INTEGER", nullable: false),
                    Decimals = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Highlights = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PreviousId = table.Column<int>(type: "INTEGER", nullable: true),
                    CompiledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CompiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bulletins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CycleSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    WeekStartsOn = table.Column<int>(type: "INTEGER", nullable: false),
                    Rounding = table.Column<int>(type: "INTEGER", nullable: false),
                    Decimals = table.Column<int>(type: "INTEGER", nullable: false),
                    Office = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    NumeratorKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    DenominatorKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    AcceptsReports = table.Column<bool>(type: "INTEGER", nullable: false),
                    Periods = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumDenominator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    GreenFrom = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    AmberFrom = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Pledges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Signatories = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pledges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulletinLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BulletinId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IndicatorUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsTotal = table.Column<bool>(type: "INTEGER", nullable: false),
                    Numerator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Denominator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Tied = table.Column<bool>(type: "INTEGER", nullable: false),
                    BelowMinimum = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rag = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousNumerator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    PreviousDenominator = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Numerator = table.Column<long>(type: "INTEGER", nullable: false),
                    Denominator = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PeriodKind = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    PledgeId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsLocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OldValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    NewValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
