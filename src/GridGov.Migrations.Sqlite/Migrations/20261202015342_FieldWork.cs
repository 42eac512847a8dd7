using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FieldWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CampaignCoverages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsRollup = table.Column<bool>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Universe = table.Column<int>(type: "INTEGER", nullable: false),
                    UniversePeople = table.Column<int>(type: "INTEGER", nullable: false),
                    Pending = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    NotAtHome = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false),
                    ExclusionRequested = table.Column<int>(type: "INTEGER", nullable: false),
                    Excluded = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignCoverages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    TagCodes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    GridIds = table.Column<string>(type: "TEXT", nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Questions = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UniverseSubjects = table.Column<int>(type: "INTEGER", nullable: false),
                    UniversePeople = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CampaignSubjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    StepBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StepAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignSubjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CampaignTaggings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TagCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Applied = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTaggings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CareAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Worker = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareAssignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunityNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DutyShifts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Leader = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OnDuty = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandoverNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HandedOverBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    HandedOverAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyShifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EpidemicFreeStatuses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AttainedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckedConditions = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    LostOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LostReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpidemicFreeStatuses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HomeWatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrderedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Extensions = table.Column<int>(type: "INTEGER", nullable: false),
                    LastExtensionReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SuppliesEnsured = table.Column<bool>(type: "INTEGER", nullable: false),
                    HelpNeeded = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SealPostedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SealPostedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SealPropertyManager = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SealPhotos = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SealRemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SealRemovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeWatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MoveProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MovedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MoveProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubjectLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Requester = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Need = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConfirmedByResident = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WatchId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Submissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VisitPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectKind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Anchor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Repeat = table.Column<int>(type: "INTEGER", nullable: false),
                    Every = table.Column<int>(type: "INTEGER", nullable: false),
                    EarlyDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LateDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingDaysOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenOccurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    NextDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WindowStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WindowEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StopReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WatchId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubjectKind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GridId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VisitedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Photos = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    AccuracyMeters = table.Column<double>(type: "REAL", nullable: true),
                    Occurrence = table.Column<int>(type: "INTEGER", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutsideWindow = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImpreciseLocation = table.Column<bool>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ServiceRequestId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignCoverages_CampaignId_IsRollup_Path",
                table: "CampaignCoverages",
                columns: new[] { "CampaignId", "IsRollup", "Path" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignCoverages_CampaignId_Path",
                table: "CampaignCoverages",
                columns: new[] { "CampaignId", "Path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Path",
                table: "Campaigns",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignSubjects_CampaignId_Path_State",
                table: "CampaignSubjects",
                columns: new[] { "CampaignId", "Path", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTaggings_CampaignId",
                table: "CampaignTaggings",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CareAssignments_HouseholdId",
                table: "CareAssignments",
                column: "HouseholdId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CareAssignments_Path_Worker",
                table: "CareAssignments",
                columns: new[] { "Path", "Worker" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityNotices_Path_PostedOn",
                table: "CommunityNotices",
                columns: new[] { "Path", "PostedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyShifts_Path_On_Kind",
                table: "DutyShifts",
                columns: new[] { "Path", "On", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EpidemicFreeStatuses_Path",
                table: "EpidemicFreeStatuses",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_HomeWatches_Path_State_To",
                table: "HomeWatches",
                columns: new[] { "Path", "State", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeWatches_PersonId",
                table: "HomeWatches",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MoveProposals_Path_State",
                table: "MoveProposals",
                columns: new[] { "Path", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MoveProposals_VisitId",
                table: "MoveProposals",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_HouseholdId",
                table: "ServiceRequests",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Path_DoneOn",
                table: "ServiceRequests",
                columns: new[] { "Path", "DoneOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Path_State",
                table: "ServiceRequests",
                columns: new[] { "Path", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_SubmittedBy_ClientKey",
                table: "Submissions",
                columns: new[] { "SubmittedBy", "ClientKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitPlans_Path_Status_WindowStart",
                table: "VisitPlans",
                columns: new[] { "Path", "Status", "WindowStart" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitPlans_SubjectKind_SubjectId",
                table: "VisitPlans",
                columns: new[] { "SubjectKind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_VisitPlans_WatchId",
                table: "VisitPlans",
                column: "WatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_Path_VisitedOn",
                table: "Visits",
                columns: new[] { "Path", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_PlanId",
                table: "Visits",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_SubjectKind_SubjectId",
                table: "Visits",
                columns: new[] { "SubjectKind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_VisitedBy_VisitedOn",
                table: "Visits",
                columns: new[] { "VisitedBy", "VisitedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignCoverages");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "CampaignSubjects");

            migrationBuilder.DropTable(
                name: "CampaignTaggings");

            migrationBuilder.DropTable(
                name: "CareAssignments");

            migrationBuilder.DropTable(
                name: "CommunityNotices");

            migrationBuilder.DropTable(
                name: "DutyShifts");

            migrationBuilder.DropTable(
                name: "EpidemicFreeStatuses");

            migrationBuilder.DropTable(
                name: "HomeWatches");

            migrationBuilder.DropTable(
                name: "MoveProposals");

            migrationBuilder.DropTable(
                name: "ServiceRequests");

            migrationBuilder.DropTable(
                name: "Submissions");

            migrationBuilder.DropTable(
                name: "VisitPlans");

            migrationBuilder.DropTable(
                name: "Visits");
        }
    }
}
