using GridGov.Modules.Targets.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Modules.Targets.Persistence;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("Indicators");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.Property(x => x.Name).HasMaxLength(Indicator.MaxName).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(10).IsRequired();
        b.Property(x => x.NumeratorKey).HasMaxLength(80);
        b.Property(x => x.DenominatorKey).HasMaxLength(80);
        b.Property(x => x.MinimumDenominator).HasPrecision(18, 4);
        b.Property(x => x.GreenFrom).HasPrecision(9, 4);
        b.Property(x => x.AmberFrom).HasPrecision(9, 4);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.ToTable("Targets");
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.UnitName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Value).HasPrecision(18, 4);
        b.Property(x => x.Source).HasMaxLength(Target.MaxSource).IsRequired();
        b.Property(x => x.SetBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Target>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Pledge>().WithMany().HasForeignKey(x => x.PledgeId).OnDelete(DeleteBehavior.Restrict);
        // One target per indicator, unit and period: setting it again changes it.
        b.HasIndex(x => new { x.IndicatorId, x.Path, x.PeriodKind, x.From }).IsUnique();
        b.HasIndex(x => new { x.Path, x.From });
    }
}

internal sealed class TargetRevisionConfiguration : IEntityTypeConfiguration<TargetRevision>
{
    public void Configure(EntityTypeBuilder<TargetRevision> b)
    {
        b.ToTable("TargetRevisions");
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.OldValue).HasPrecision(18, 4);
        b.Property(x => x.NewValue).HasPrecision(18, 4);
        b.Property(x => x.Reason).HasMaxLength(TargetRevision.MaxReason).IsRequired();
        b.Property(x => x.ProposedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Target>().WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.TargetId, x.State });
    }
}

internal sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> b)
    {
        b.ToTable("Pledges");
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.UnitName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Title).HasMaxLength(Pledge.MaxTitle).IsRequired();
        b.Property(x => x.Signatories).HasMaxLength(Pledge.MaxSignatories);
        b.Property(x => x.DocumentName).HasMaxLength(80);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.SignedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Path, x.Year });
    }
}

internal sealed class ReportedFigureConfiguration : IEntityTypeConfiguration<ReportedFigure>
{
    public void Configure(EntityTypeBuilder<ReportedFigure> b)
    {
        b.ToTable("ReportedFigures");
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.UnitName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Source).HasMaxLength(ReportedFigure.MaxSource).IsRequired();
        b.Property(x => x.EnteredBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.IndicatorId, x.State, x.Path });
    }
}

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> b)
    {
        b.ToTable("Bulletins");
        b.Ignore(x => x.Rule);
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.AreaName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Office).HasMaxLength(Bulletin.MaxOffice).IsRequired();
        b.Property(x => x.Failure).HasMaxLength(500);
        b.Property(x => x.Highlights).HasMaxLength(Bulletin.MaxText).IsRequired();
        b.Property(x => x.CompiledBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Path, x.Office, x.Year, x.Number }).IsUnique();
        b.HasIndex(x => new { x.Path, x.State, x.WeekTo });
    }
}

internal sealed class BulletinLineConfiguration : IEntityTypeConfiguration<BulletinLine>
{
    public void Configure(EntityTypeBuilder<BulletinLine> b)
    {
        b.ToTable("BulletinLines");
        b.Ignore(x => x.Actual);
        b.Ignore(x => x.Completion);
        b.Ignore(x => x.PreviousActual);
        b.Property(x => x.IndicatorName).HasMaxLength(Indicator.MaxName).IsRequired();
        b.Property(x => x.IndicatorUnit).HasMaxLength(10).IsRequired();
        b.Property(x => x.UnitPath).HasMaxLength(400).IsRequired();
        b.Property(x => x.UnitCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.UnitName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Numerator).HasPrecision(18, 4);
        b.Property(x => x.Denominator).HasPrecision(18, 4);
        b.Property(x => x.Target).HasPrecision(18, 4);
        b.Property(x => x.PreviousNumerator).HasPrecision(18, 4);
        b.Property(x => x.PreviousDenominator).HasPrecision(18, 4);
        b.HasOne<Bulletin>().WithMany().HasForeignKey(x => x.BulletinId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.BulletinId, x.Order, x.IsTotal });
    }
}

internal sealed class CycleSettingsConfiguration : IEntityTypeConfiguration<CycleSettings>
{
    public void Configure(EntityTypeBuilder<CycleSettings> b)
    {
        b.ToTable("CycleSettings");
        b.Ignore(x => x.Rule);
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.Office).HasMaxLength(Bulletin.MaxOffice).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Path).IsUnique();
    }
}
