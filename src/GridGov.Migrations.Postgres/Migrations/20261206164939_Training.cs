using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GridGov.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Contact = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Occupations = table.Column<string>(type: "character varying(2500)", maxLength: 2500, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingProviders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VoucherProgrammes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Budget = table.Column<long>(type: "bigint", nullable: false),
                    FaceValue = table.Column<int>(type: "integer", nullable: false),
                    Subsidies = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpiryDays = table.Column<int>(type: "integer", nullable: false),
                    Employer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastIssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoucherProgrammes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProviderStaff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProviderId = table.Column<int>(type: "integer", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProviderId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Occupation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Employer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    DaysRequired = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetTags = table.Column<string>(type: "character varying(900)", maxLength: 900, nullable: false),
                    MinAge = table.Column<int>(type: "integer", nullable: true),
                    MaxAge = table.Column<int>(type: "integer", nullable: true),
                    Residencies = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OncePerYears = table.Column<int>(type: "integer", nullable: true),
                    NeedsTextCode = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    ProviderId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PaidBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TransferReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FailReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    FaceValue = table.Column<int>(type: "integer", nullable: false),
                    ExpiryDays = table.Column<int>(type: "integer", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UsableUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    ProviderId = table.Column<int>(type: "integer", nullable: true),
                    ClassId = table.Column<int>(type: "integer", nullable: true),
                    EnrolledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EnrolledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CertifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Subsidy = table.Column<int>(type: "integer", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    BatchId = table.Column<int>(type: "integer", nullable: true),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OpenIn = table.Column<int>(type: "integer", nullable: true),
                    StepBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    StepAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StepsTaken = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClassId = table.Column<int>(type: "integer", nullable: false),
                    ProviderId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    HomePath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VoucherId = table.Column<long>(type: "bigint", nullable: true),
                    EnrolledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnrolledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnrolledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Finished = table.Column<bool>(type: "boolean", nullable: true),
                    FinishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CertifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VoucherId = table.Column<long>(type: "bigint", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Tries = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VoucherId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClientKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnrolmentId = table.Column<int>(type: "integer", nullable: false),
                    ClassId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    MarkedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
