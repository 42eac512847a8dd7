using GridGov.Modules.Targets.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Modules.Targets.Persistence;

internal sealed class TrackedItemConfiguration : IEntityTypeConfiguration<TrackedItem>
{
    public void Configure(EntityTypeBuilder<TrackedItem> b)
    {
        b.ToTable("TrackedItems");
        b.Ignore(x => x.OnTime);
        b.Property(x => x.IssuerPath).HasMaxLength(400).IsRequired();
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.UnitName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Title).HasMaxLength(TrackedItem.MaxTitle).IsRequired();
        b.Property(x => x.Owner).HasMaxLength(60).IsRequired();
        b.Property(x => x.LastNote).HasMaxLength(TrackedItem.MaxNote);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.StepBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(x => x.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => new { x.Kind, x.SourceId });
        b.HasIndex(x => new { x.Path, x.State, x.DueAt });
    }
}

internal sealed class TrackedStepConfiguration : IEntityTypeConfiguration<TrackedStep>
{
    public void Configure(EntityTypeBuilder<TrackedStep> b)
    {
        b.ToTable("TrackedSteps");
        b.Property(x => x.By).HasMaxLength(256).IsRequired();
        b.Property(x => x.Note).HasMaxLength(TrackedItem.MaxNote);
        b.Property(x => x.Photos).HasMaxLength(800);
        b.HasIndex(x => new { x.ItemId, x.Sequence }).IsUnique();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("Meetings");
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.UnitName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Title).HasMaxLength(100).IsRequired();
        b.Property(x => x.Participants).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Minutes).HasMaxLength(Meeting.MaxMinutes).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Path, x.HeldOn });
    }
}

internal sealed class InspectionRoundConfiguration : IEntityTypeConfiguration<InspectionRound>
{
    public void Configure(EntityTypeBuilder<InspectionRound> b)
    {
        b.ToTable("InspectionRounds");
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.UnitName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Title).HasMaxLength(100).IsRequired();
        b.Property(x => x.Team).HasMaxLength(500).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Path, x.StartsOn });
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.ToTable("Findings");
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.UnitName).HasMaxLength(100).IsRequired();
        b.Property(x => x.Text).HasMaxLength(Finding.MaxText).IsRequired();
        b.Property(x => x.Photos).HasMaxLength(800).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<InspectionRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RoundId, x.Path });
        b.HasIndex(x => new { x.Path, x.VisitedOn });
    }
}

internal sealed class PolicyDocumentConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> b)
    {
        b.ToTable("PolicyDocuments");
        b.Ignore(x => x.Indicators);
        b.Property(x => x.Path).HasMaxLength(400).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.IssuingBody).HasMaxLength(60).IsRequired();
        b.Property(x => x.Number).HasMaxLength(40).IsRequired();
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.FileName).HasMaxLength(80);
        b.Property(x => x.IndicatorIds).HasMaxLength(400).IsRequired();
        b.Property(x => x.Programmes).HasMaxLength(300).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Path, x.Number }).IsUnique();
        b.HasIndex(x => new { x.Path, x.IssuedOn });
    }
}
