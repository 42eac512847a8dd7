using GridGov.Modules.FieldWork.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Modules.FieldWork.Persistence;

internal sealed class VisitPlanConfiguration : IEntityTypeConfiguration<VisitPlan>
{
    public void Configure(EntityTypeBuilder<VisitPlan> b)
    {
        b.ToTable("VisitPlans");
        b.Ignore(x => x.Schedule);
        b.Property(x => x.SubjectLabel).HasMaxLength(Subject.MaxLabel).IsRequired();
        b.Property(x => x.AssignedTo).HasMaxLength(256).IsRequired();
        b.Property(x => x.StopReason).HasMaxLength(VisitPlan.MaxReason);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Path, x.Status, x.WindowStart });
        b.HasIndex(x => new { x.SubjectKind, x.SubjectId });
        b.HasIndex(x => x.WatchId);
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("Visits");
        b.Property(x => x.SubjectLabel).HasMaxLength(Subject.MaxLabel).IsRequired();
        b.Property(x => x.VisitedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Notes).HasMaxLength(Visit.MaxNotes);
        b.Property(x => x.Photos).HasMaxLength(1000);
        b.HasIndex(x => new { x.Path, x.VisitedOn });
        b.HasIndex(x => new { x.SubjectKind, x.SubjectId });
        b.HasIndex(x => x.PlanId);
        b.HasIndex(x => new { x.VisitedBy, x.VisitedOn });
    }
}

internal sealed class MoveProposalConfiguration : IEntityTypeConfiguration<MoveProposal>
{
    public void Configure(EntityTypeBuilder<MoveProposal> b)
    {
        b.ToTable("MoveProposals");
        b.Property(x => x.PersonName).HasMaxLength(50).IsRequired();
        b.Property(x => x.Destination).HasMaxLength(MoveProposal.MaxDestination);
        b.Property(x => x.ProposedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.DeclineReason).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Path, x.State });
        b.HasIndex(x => x.VisitId);
    }
}

internal sealed class CareAssignmentConfiguration : IEntityTypeConfiguration<CareAssignment>
{
    public void Configure(EntityTypeBuilder<CareAssignment> b)
    {
        b.ToTable("CareAssignments");
        b.Property(x => x.Worker).HasMaxLength(256).IsRequired();
        b.Property(x => x.AssignedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => x.HouseholdId).IsUnique();
        b.HasIndex(x => new { x.Path, x.Worker });
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("Campaigns");
        b.Ignore(x => x.Form);
        b.Ignore(x => x.Tags);
        b.Ignore(x => x.Grids);
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(17).IsRequired();
        b.Property(x => x.TagCodes).HasMaxLength(500);
        b.Property(x => x.GridIds);
        b.Property(x => x.Questions).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.StartedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Path);
    }
}

internal sealed class CampaignSubjectConfiguration : IEntityTypeConfiguration<CampaignSubject>
{
    public void Configure(EntityTypeBuilder<CampaignSubject> b)
    {
        b.ToTable("CampaignSubjects");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Label).HasMaxLength(Subject.MaxLabel).IsRequired();
        b.Property(x => x.Note).HasMaxLength(CampaignSubject.MaxNote);
        b.Property(x => x.StepBy).HasMaxLength(256);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CampaignId, x.Path, x.State });
    }
}

internal sealed class CampaignCoverageConfiguration : IEntityTypeConfiguration<CampaignCoverage>
{
    public void Configure(EntityTypeBuilder<CampaignCoverage> b)
    {
        b.ToTable("CampaignCoverages");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.CampaignId, x.Path }).IsUnique();
        b.HasIndex(x => new { x.CampaignId, x.IsRollup, x.Path });
    }
}

internal sealed class HomeWatchConfiguration : IEntityTypeConfiguration<HomeWatch>
{
    public void Configure(EntityTypeBuilder<HomeWatch> b)
    {
        b.ToTable("HomeWatches");
        b.Property(x => x.PersonLabel).HasMaxLength(Subject.MaxLabel).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(HomeWatch.MaxText).IsRequired();
        b.Property(x => x.OrderedBy).HasMaxLength(100).IsRequired();
        b.Property(x => x.LastExtensionReason).HasMaxLength(HomeWatch.MaxText);
        b.Property(x => x.EndReason).HasMaxLength(HomeWatch.MaxText);
        b.Property(x => x.HelpNeeded).HasMaxLength(HomeWatch.MaxText);
        b.Property(x => x.SealPostedBy).HasMaxLength(256);
        b.Property(x => x.SealRemovedBy).HasMaxLength(256);
        b.Property(x => x.SealPropertyManager).HasMaxLength(50);
        b.Property(x => x.SealPhotos).HasMaxLength(1000);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Path, x.State, x.To });
        b.HasIndex(x => x.PersonId);
    }
}

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> b)
    {
        b.ToTable("ServiceRequests");
        b.Property(x => x.SubjectLabel).HasMaxLength(Subject.MaxLabel).IsRequired();
        b.Property(x => x.Requester).HasMaxLength(50).IsRequired();
        b.Property(x => x.Need).HasMaxLength(ServiceRequest.MaxNeed).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.TakenBy).HasMaxLength(256);
        b.Property(x => x.DoneBy).HasMaxLength(256);
        b.Property(x => x.DoneNote).HasMaxLength(ServiceRequest.MaxNeed);
        b.Property(x => x.ConfirmedByResident).HasMaxLength(50);
        b.Property(x => x.CancelReason).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Path, x.State });
        b.HasIndex(x => new { x.Path, x.DoneOn });
        b.HasIndex(x => x.HouseholdId);
    }
}

internal sealed class CampaignTaggingConfiguration : IEntityTypeConfiguration<CampaignTagging>
{
    public void Configure(EntityTypeBuilder<CampaignTagging> b)
    {
        b.ToTable("CampaignTaggings");
        b.Property(x => x.QuestionKey).HasMaxLength(30).IsRequired();
        b.Property(x => x.Answer).HasMaxLength(50).IsRequired();
        b.Property(x => x.TagCode).HasMaxLength(40).IsRequired();
        b.Property(x => x.ProposedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CampaignId);
    }
}

internal sealed class DutyShiftConfiguration : IEntityTypeConfiguration<DutyShift>
{
    public void Configure(EntityTypeBuilder<DutyShift> b)
    {
        b.ToTable("DutyShifts");
        b.Property(x => x.Leader).HasMaxLength(50).IsRequired();
        b.Property(x => x.OnDuty).HasMaxLength(DutyShift.MaxNames).IsRequired();
        b.Property(x => x.HandoverNote).HasMaxLength(DutyShift.MaxNote);
        b.Property(x => x.HandedOverBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Path, x.On, x.Kind }).IsUnique();
    }
}

internal sealed class CommunityNoticeConfiguration : IEntityTypeConfiguration<CommunityNotice>
{
    public void Configure(EntityTypeBuilder<CommunityNotice> b)
    {
        b.ToTable("CommunityNotices");
        b.Property(x => x.Title).HasMaxLength(100).IsRequired();
        b.Property(x => x.Text).HasMaxLength(CommunityNotice.MaxText).IsRequired();
        b.Property(x => x.PostedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => new { x.Path, x.PostedOn });
    }
}

internal sealed class EpidemicFreeStatusConfiguration : IEntityTypeConfiguration<EpidemicFreeStatus>
{
    public void Configure(EntityTypeBuilder<EpidemicFreeStatus> b)
    {
        b.ToTable("EpidemicFreeStatuses");
        b.Property(x => x.CheckedConditions).HasMaxLength(500).IsRequired();
        b.Property(x => x.CheckedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.LostReason).HasMaxLength(200);
        b.HasIndex(x => x.Path);
    }
}
