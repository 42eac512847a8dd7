using GridGov.Modules.Training.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Modules.Training.Persistence;

internal sealed class VoucherProgrammeConfiguration : IEntityTypeConfiguration<VoucherProgramme>
{
    public void Configure(EntityTypeBuilder<VoucherProgramme> b)
    {
        b.ToTable("VoucherProgrammes");
        b.Ignore(x => x.SubsidyTable);
        b.Property(x => x.Name).HasMaxLength(VoucherProgramme.MaxName).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.Subsidies).HasMaxLength(200).IsRequired();
        b.Property(x => x.Employer).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Path);
    }
}

internal sealed class EligibilityRulesConfiguration : IEntityTypeConfiguration<EligibilityRules>
{
    public void Configure(EntityTypeBuilder<EligibilityRules> b)
    {
        b.ToTable("EligibilityRules");
        b.Ignore(x => x.Tags);
        b.Ignore(x => x.ResidencyTypes);
        b.Property(x => x.TargetTags).HasMaxLength(900).IsRequired();
        b.Property(x => x.Residencies).HasMaxLength(200).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<VoucherProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProgrammeId, x.EffectiveFrom });
    }
}

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> b)
    {
        b.ToTable("Vouchers");
        b.Property(x => x.Code).HasMaxLength(Voucher.CodeLength).IsRequired();
        b.Property(x => x.PersonName).HasMaxLength(50).IsRequired();
        b.Property(x => x.IssuedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.EnrolledBy).HasMaxLength(256);
        b.Property(x => x.CertificateNumber).HasMaxLength(40);
        b.Property(x => x.CertifiedBy).HasMaxLength(256);
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.EndReason).HasMaxLength(Voucher.MaxNote);
        b.Property(x => x.StepBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.VoucherId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<VoucherProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Code).IsUnique();
        // One open voucher per person and programme: an ended voucher's OpenIn is null, and nulls never collide.
        b.HasIndex(x => new { x.PersonId, x.OpenIn }).IsUnique();
        b.HasIndex(x => new { x.ProgrammeId, x.State, x.Path });
        b.HasIndex(x => new { x.Path, x.State });
        b.HasIndex(x => new { x.ProviderId, x.State });
        b.HasIndex(x => x.ClassId);
        b.HasIndex(x => x.BatchId);
        b.HasIndex(x => new { x.State, x.UsableUntil });
    }
}

internal sealed class VoucherStepConfiguration : IEntityTypeConfiguration<VoucherStep>
{
    public void Configure(EntityTypeBuilder<VoucherStep> b)
    {
        b.ToTable("VoucherSteps");
        b.Property(x => x.By).HasMaxLength(256).IsRequired();
        b.Property(x => x.Note).HasMaxLength(Voucher.MaxNote);
        b.Property(x => x.ClientKey).HasMaxLength(64);
        b.Property(x => x.Detail).HasMaxLength(200);
        b.HasIndex(x => new { x.VoucherId, x.Sequence }).IsUnique();
    }
}

internal sealed class TrainingProviderConfiguration : IEntityTypeConfiguration<TrainingProvider>
{
    public void Configure(EntityTypeBuilder<TrainingProvider> b)
    {
        b.ToTable("TrainingProviders");
        b.Ignore(x => x.Approved);
        b.Property(x => x.Name).HasMaxLength(TrainingProvider.MaxName).IsRequired();
        b.Property(x => x.CreditCode).HasMaxLength(18).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.Contact).HasMaxLength(50).IsRequired();
        b.Property(x => x.Occupations).HasMaxLength(2500).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CreditCode).IsUnique();
        b.HasIndex(x => x.Path);
    }
}

internal sealed class ProviderStaffConfiguration : IEntityTypeConfiguration<ProviderStaff>
{
    public void Configure(EntityTypeBuilder<ProviderStaff> b)
    {
        b.ToTable("ProviderStaff");
        b.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        b.Property(x => x.AddedBy).HasMaxLength(256).IsRequired();
        b.HasOne<TrainingProvider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        // An account works for one provider.
        b.HasIndex(x => x.UserName).IsUnique();
        b.HasIndex(x => x.ProviderId);
    }
}

internal sealed class TrainingClassConfiguration : IEntityTypeConfiguration<TrainingClass>
{
    public void Configure(EntityTypeBuilder<TrainingClass> b)
    {
        b.ToTable("TrainingClasses");
        b.Property(x => x.Name).HasMaxLength(TrainingClass.MaxName).IsRequired();
        b.Property(x => x.Occupation).HasMaxLength(40).IsRequired();
        b.Property(x => x.Employer).HasMaxLength(100);
        b.Property(x => x.Brand).HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<TrainingProvider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProviderId, x.StartsOn });
        b.HasIndex(x => x.Brand);
        b.HasIndex(x => new { x.Path, x.StartsOn });
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.ToTable("Enrolments");
        b.Property(x => x.PersonName).HasMaxLength(50).IsRequired();
        b.Property(x => x.HomePath).HasMaxLength(200).IsRequired();
        b.Property(x => x.EnrolledBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.CertificateNumber).HasMaxLength(40);
        b.Property(x => x.Employer).HasMaxLength(100);
        b.Property(x => x.WorkCity).HasMaxLength(20);
        b.Property(x => x.EmploymentRecordedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<TrainingClass>().WithMany().HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Restrict);
        // A person sits in a class once; a voucher pays for one seat.
        b.HasIndex(x => new { x.ClassId, x.PersonId }).IsUnique();
        b.HasIndex(x => x.VoucherId).IsUnique();
        b.HasIndex(x => new { x.ProviderId, x.ClassId });
        b.HasIndex(x => new { x.HomePath, x.CertifiedOn });
        b.HasIndex(x => new { x.HomePath, x.FinishedOn });
        b.HasIndex(x => new { x.HomePath, x.EmployedOn });
    }
}

internal sealed class AttendanceMarkConfiguration : IEntityTypeConfiguration<AttendanceMark>
{
    public void Configure(EntityTypeBuilder<AttendanceMark> b)
    {
        b.ToTable("AttendanceMarks");
        b.Property(x => x.MarkedBy).HasMaxLength(256).IsRequired();
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.EnrolmentId, x.Day }).IsUnique();
        b.HasIndex(x => new { x.ClassId, x.Day });
    }
}

internal sealed class PaymentBatchConfiguration : IEntityTypeConfiguration<PaymentBatch>
{
    public void Configure(EntityTypeBuilder<PaymentBatch> b)
    {
        b.ToTable("PaymentBatches");
        b.Property(x => x.Reference).HasMaxLength(20).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.PaidBy).HasMaxLength(256);
        b.Property(x => x.TransferReference).HasMaxLength(40);
        b.Property(x => x.FailReason).HasMaxLength(Voucher.MaxNote);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<VoucherProgramme>().WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TrainingProvider>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Path, x.State });
        b.HasIndex(x => x.ProviderId);
    }
}

internal sealed class ClaimChallengeConfiguration : IEntityTypeConfiguration<ClaimChallenge>
{
    public void Configure(EntityTypeBuilder<ClaimChallenge> b)
    {
        b.ToTable("ClaimChallenges");
        b.Property(x => x.CodeHash).HasMaxLength(64).IsRequired();
        b.HasOne<Voucher>().WithMany().HasForeignKey(x => x.VoucherId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.VoucherId, x.CreatedAt });
    }
}

internal sealed class StudioApplicationConfiguration : IEntityTypeConfiguration<StudioApplication>
{
    public void Configure(EntityTypeBuilder<StudioApplication> b)
    {
        b.ToTable("StudioApplications");
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.StudioName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Master).HasMaxLength(50).IsRequired();
        b.Property(x => x.Occupation).HasMaxLength(40).IsRequired();
        b.Property(x => x.Host).HasMaxLength(100).IsRequired();
        b.Property(x => x.SubmittedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.GrantReference).HasMaxLength(40);
        b.Property(x => x.GrantedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Round, x.Path });
    }
}

internal sealed class StudioScoreConfiguration : IEntityTypeConfiguration<StudioScore>
{
    public void Configure(EntityTypeBuilder<StudioScore> b)
    {
        b.ToTable("StudioScores");
        b.Property(x => x.Expert).HasMaxLength(50).IsRequired();
        b.Property(x => x.Comment).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasOne<StudioApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        // Each expert scores an application once.
        b.HasIndex(x => new { x.ApplicationId, x.Expert }).IsUnique();
    }
}

internal sealed class BrandStationConfiguration : IEntityTypeConfiguration<BrandStation>
{
    public void Configure(EntityTypeBuilder<BrandStation> b)
    {
        b.ToTable("BrandStations");
        b.Property(x => x.Brand).HasMaxLength(20).IsRequired();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.City).HasMaxLength(20).IsRequired();
        b.Property(x => x.Contact).HasMaxLength(50).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Brand, x.Path });
    }
}
