using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Modules.Territory.Persistence;

internal sealed class AdminAreaConfiguration : IEntityTypeConfiguration<AdminArea>
{
    public void Configure(EntityTypeBuilder<AdminArea> b)
    {
        b.ToTable("AdminAreas");
        b.Property(x => x.Code).HasMaxLength(12).IsRequired();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.ParentId);
        b.HasOne<AdminArea>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> b)
    {
        b.ToTable("Grids");
        b.Property(x => x.Code).HasMaxLength(GridCode.Length).IsRequired();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.ParentGridId);
        b.HasIndex(x => new { x.AreaId, x.Level });
        b.HasOne<AdminArea>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Grid>().WithMany().HasForeignKey(x => x.ParentGridId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GridSizeRuleConfiguration : IEntityTypeConfiguration<GridSizeRule>
{
    public void Configure(EntityTypeBuilder<GridSizeRule> b)
    {
        b.ToTable("GridSizeRules");
        b.HasIndex(x => new { x.CountyAreaId, x.Level }).IsUnique();
        b.HasOne<AdminArea>().WithMany().HasForeignKey(x => x.CountyAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GridAssignmentConfiguration : IEntityTypeConfiguration<GridAssignment>
{
    public void Configure(EntityTypeBuilder<GridAssignment> b)
    {
        b.ToTable("GridAssignments");
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => x.GridId);
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.UserId);
        b.HasOne<Grid>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartyOrganizationConfiguration : IEntityTypeConfiguration<PartyOrganization>
{
    public void Configure(EntityTypeBuilder<PartyOrganization> b)
    {
        b.ToTable("PartyOrganizations");
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.SecretaryName).HasMaxLength(50);
        b.HasIndex(x => x.GridId);
        b.HasIndex(x => x.Path);
        b.HasOne<Grid>().WithMany().HasForeignKey(x => x.GridId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CoverageRunConfiguration : IEntityTypeConfiguration<CoverageRun>
{
    public void Configure(EntityTypeBuilder<CoverageRun> b)
    {
        b.ToTable("CoverageRuns");
        b.Property(x => x.AreaCode).HasMaxLength(12).IsRequired();
        b.Property(x => x.AreaName).HasMaxLength(100).IsRequired();
        b.Property(x => x.ProblemsByKind).HasMaxLength(2000).IsRequired();
        b.Ignore(x => x.Passes);
        b.HasIndex(x => x.AreaCode).IsUnique();
        b.HasIndex(x => x.Path);
    }
}
