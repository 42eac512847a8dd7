using GridGov.Modules.Incidents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Modules.Incidents.Persistence;

// Grid ids and department codes are kept without foreign keys to other modules' tables: a grid
// belongs to Territory, and a retired grid keeps its incidents.

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("Incidents");
        b.Property(x => x.Number).HasMaxLength(24).IsRequired();
        b.Property(x => x.CategoryCode).HasMaxLength(20).IsRequired();
        b.Property(x => x.Description).HasMaxLength(2000).IsRequired();
        b.Property(x => x.Address).HasMaxLength(200).IsRequired();
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(20);
        b.Property(x => x.ReportedBy).HasMaxLength(50).IsRequired();
        b.Property(x => x.Result).HasMaxLength(2000);
        b.Property(x => x.Parties).HasMaxLength(500);
        b.Property(x => x.MediationOutcome).HasMaxLength(1000);
        b.Property(x => x.Petitioner).HasMaxLength(50);
        b.Property(x => x.PetitionRequest).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.LeadDepartment);
        b.Property(x => x.CategoryGroup).HasMaxLength(20).IsRequired();
        b.Property(x => x.LeadDepartmentCode).HasMaxLength(20);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.State, x.Path });
        // Metrics read an area's period: the figures they count ride along so the scan stays in the index.
        b.HasIndex(x => new { x.ReportedAt, x.Path })
            .IncludeProperties(x => new { x.CategoryGroup, x.LeadDepartmentCode, x.State, x.ClosedOnTime, x.ReworkCount, x.ExtensionCount,
                x.EscalationCount, x.SelfResolved, x.IsOverdue, x.ResolutionMinutes });
        b.HasIndex(x => new { x.IsOverdue, x.StepDueAt });
        b.HasIndex(x => x.ReportedBy);
        // Possible duplicates: open incidents of one category on one grid.
        b.HasIndex(x => new { x.GridId, x.CategoryCode, x.State });
        // A survivor lists the duplicates merged into it.
        b.HasIndex(x => x.MergedIntoId);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Assignments).WithOne().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Steps).HasField("_steps");
        b.Navigation(x => x.Assignments).HasField("_assignments");
    }
}

internal sealed class IncidentTallyConfiguration : IEntityTypeConfiguration<IncidentTally>
{
    public void Configure(EntityTypeBuilder<IncidentTally> b)
    {
        b.ToTable("IncidentTallies");
        b.HasKey(x => new { x.Grain, x.Period, x.Path, x.CategoryGroup, x.LeadDepartmentCode });
        // One place over a period: by the key's order a township's year of day tallies was found
        // among every township's (187,000 entries for 1,300 rows in a 3.4-million city).
        b.HasIndex(x => new { x.Grain, x.Path, x.Period });
        b.Property(x => x.CategoryGroup).HasMaxLength(20);
        b.Property(x => x.LeadDepartmentCode).HasMaxLength(20);
    }
}

internal sealed class IncidentTallyChangeConfiguration : IEntityTypeConfiguration<IncidentTallyChange>
{
    public void Configure(EntityTypeBuilder<IncidentTallyChange> b)
    {
        b.ToTable("IncidentTallyChanges");
        b.HasKey(x => x.Id);
        b.Property(x => x.CategoryGroup).HasMaxLength(20);
        b.Property(x => x.LeadDepartmentCode).HasMaxLength(20);
    }
}

internal sealed class IncidentStepConfiguration : IEntityTypeConfiguration<IncidentStep>
{
    public void Configure(EntityTypeBuilder<IncidentStep> b)
    {
        b.ToTable("IncidentSteps");
        b.Property(x => x.By).HasMaxLength(50).IsRequired();
        b.Property(x => x.Action).HasMaxLength(30).IsRequired();
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Attachments).HasMaxLength(1000);
        b.HasIndex(x => new { x.IncidentId, x.At });
    }
}

internal sealed class IncidentAssignmentConfiguration : IEntityTypeConfiguration<IncidentAssignment>
{
    public void Configure(EntityTypeBuilder<IncidentAssignment> b)
    {
        b.ToTable("IncidentAssignments");
        b.Property(x => x.DepartmentCode).HasMaxLength(20).IsRequired();
        b.HasIndex(x => new { x.DepartmentCode, x.IsActive, x.IncidentId });
        b.HasIndex(x => x.IncidentId);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.ToTable("Departments");
        b.Property(x => x.Code).HasMaxLength(20).IsRequired();
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.EnglishName).HasMaxLength(100).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class IncidentCategoryConfiguration : IEntityTypeConfiguration<IncidentCategory>
{
    public void Configure(EntityTypeBuilder<IncidentCategory> b)
    {
        b.ToTable("IncidentCategories");
        b.Property(x => x.Code).HasMaxLength(20).IsRequired();
        b.Property(x => x.ParentCode).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.EnglishName).HasMaxLength(100).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.ToTable("RoutingRules");
        b.Property(x => x.CategoryCode).HasMaxLength(20).IsRequired();
        b.Property(x => x.LeadDepartmentCode).HasMaxLength(20);
        b.Property(x => x.AssistingDepartmentCodes).HasMaxLength(200).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Limits);
        b.Ignore(x => x.Assisting);
        b.HasIndex(x => new { x.CategoryCode, x.Path }).IsUnique();
    }
}

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> b)
    {
        b.ToTable("Open311Clients");
        b.Property(x => x.Name).HasMaxLength(Open311Client.MaxName).IsRequired();
        b.Property(x => x.AreaCode).HasMaxLength(20).IsRequired();
        b.Property(x => x.KeyHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.KeyStart).HasMaxLength(20).IsRequired();
        b.Property(x => x.IssuedBy).HasMaxLength(50).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsActive);
        b.Ignore(x => x.ReporterName);
        b.HasIndex(x => x.KeyHash).IsUnique();
        b.HasIndex(x => x.Path);
    }
}
