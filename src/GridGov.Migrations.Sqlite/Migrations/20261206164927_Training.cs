using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGov.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Training : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrainingProviders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Occupations = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingProviders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VoucherProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Budget = table.Column<long>(type: "INTEGER", nullable: false),
                    FaceValue = table.Column<int>(type: "INTEGER", nullable: false),
                    Subsidies = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastIssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherProgrammes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProviderStaff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProviderStaff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProviderStaff_TrainingProviders_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "TrainingProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingClasses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Employer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysRequired = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingClasses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingClasses_TrainingProviders_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "TrainingProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EligibilityRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TargetTags = table.Column<string>(type: "TEXT", maxLength: 900, nullable: false),
                    MinAge = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxAge = table.Column<int>(type: "INTEGER", nullable: true),
                    Residencies = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OncePerYears = table.Column<int>(type: "INTEGER", nullable: true),
                    NeedsTextCode = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EligibilityRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EligibilityRules_VoucherProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "VoucherProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaidBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TransferReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FailReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentBatches_TrainingProviders_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "TrainingProviders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentBatches_VoucherProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "VoucherProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FaceValue = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UsableUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClassId = table.Column<int>(type: "INTEGER", nullable: true),
                    EnrolledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EnrolledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CertifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CertifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Subsidy = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: true),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OpenIn = table.Column<int>(type: "INTEGER", nullable: true),
                    StepBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StepAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StepsTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vouchers_VoucherProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "VoucherProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClassId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    HomePath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VoucherId = table.Column<long>(type: "INTEGER", nullable: true),
                    EnrolledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EnrolledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnrolledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Finished = table.Column<bool>(type: "INTEGER", nullable: true),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CertifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enrolments_TrainingClasses_ClassId",
                        column: x => x.ClassId,
                        principalTable: "TrainingClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClaimChallenges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VoucherId = table.Column<long>(type: "INTEGER", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Tries = table.Column<int>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimChallenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimChallenges_Vouchers_VoucherId",
                        column: x => x.VoucherId,
                        principalTable: "Vouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoucherSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VoucherId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClientKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoucherSteps_Vouchers_VoucherId",
                        column: x => x.VoucherId,
                        principalTable: "Vouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ClassId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceMarks_Enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "Enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMarks_ClassId_Day",
                table: "AttendanceMarks",
                columns: new[] { "ClassId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceMarks_EnrolmentId_Day",
                table: "AttendanceMarks",
                columns: new[] { "EnrolmentId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimChallenges_VoucherId_CreatedAt",
                table: "ClaimChallenges",
                columns: new[] { "VoucherId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EligibilityRules_ProgrammeId_EffectiveFrom",
                table: "EligibilityRules",
                columns: new[] { "ProgrammeId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ClassId_PersonId",
                table: "Enrolments",
                columns: new[] { "ClassId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_HomePath_CertifiedOn",
                table: "Enrolments",
                columns: new[] { "HomePath", "CertifiedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_ProviderId_ClassId",
                table: "Enrolments",
                columns: new[] { "ProviderId", "ClassId" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_VoucherId",
                table: "Enrolments",
                column: "VoucherId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentBatches_Path_State",
                table: "PaymentBatches",
                columns: new[] { "Path", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentBatches_ProgrammeId",
                table: "PaymentBatches",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentBatches_ProviderId",
                table: "PaymentBatches",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderStaff_ProviderId",
                table: "ProviderStaff",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_ProviderStaff_UserName",
                table: "ProviderStaff",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_Path_StartsOn",
                table: "TrainingClasses",
                columns: new[] { "Path", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_ProviderId_StartsOn",
                table: "TrainingClasses",
                columns: new[] { "ProviderId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingProviders_CreditCode",
                table: "TrainingProviders",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingProviders_Path",
                table: "TrainingProviders",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_VoucherProgrammes_Path",
                table: "VoucherProgrammes",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_BatchId",
                table: "Vouchers",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_ClassId",
                table: "Vouchers",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Code",
                table: "Vouchers",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Path_State",
                table: "Vouchers",
                columns: new[] { "Path", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_PersonId_OpenIn",
                table: "Vouchers",
                columns: new[] { "PersonId", "OpenIn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_ProgrammeId_State_Path",
                table: "Vouchers",
                columns: new[] { "ProgrammeId", "State", "Path" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_ProviderId_State",
                table: "Vouchers",
                columns: new[] { "ProviderId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_State_UsableUntil",
                table: "Vouchers",
                columns: new[] { "State", "UsableUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_VoucherSteps_VoucherId_Sequence",
                table: "VoucherSteps",
                columns: new[] { "VoucherId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendanceMarks");

            migrationBuilder.DropTable(
                name: "ClaimChallenges");

            migrationBuilder.DropTable(
                name: "EligibilityRules");

            migrationBuilder.DropTable(
                name: "PaymentBatches");

            migrationBuilder.DropTable(
                name: "ProviderStaff");

            migrationBuilder.DropTable(
                name: "VoucherSteps");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "Vouchers");

            migrationBuilder.DropTable(
                name: "TrainingClasses");

            migrationBuilder.DropTable(
                name: "VoucherProgrammes");

            migrationBuilder.DropTable(
                name: "TrainingProviders");
        }
    }
}
