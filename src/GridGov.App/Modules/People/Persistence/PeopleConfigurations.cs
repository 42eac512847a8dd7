using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Modules.People.Persistence;

// Grid ids are kept without a foreign key: the grids belong to the Territory module, and a
// household whose grid is missing or retired is exactly what the coverage check reports.

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> b)
    {
        b.ToTable("Buildings");
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Address).HasMaxLength(200).IsRequired();
        b.Property(x => x.HeadName).HasMaxLength(50);
        b.Property(x => x.HeadPhone).HasMaxLength(20);
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.GridId);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("Households");
        b.Property(x => x.Number).HasMaxLength(40).IsRequired();
        b.Property(x => x.Address).HasMaxLength(200).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.GridId);
        b.HasOne<Building>().WithMany().HasForeignKey(x => x.BuildingId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        b.Property(x => x.IdNumber).HasMaxLength(18).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.RelationToHead).HasMaxLength(20);
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.HouseholdId);
        b.HasIndex(x => x.IdNumber);
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PopulationTallyConfiguration : IEntityTypeConfiguration<PopulationTally>
{
    public void Configure(EntityTypeBuilder<PopulationTally> b)
    {
        b.ToTable("PopulationTallies");
        b.HasKey(x => x.Path);
        b.HasIndex(x => x.GridId);
    }
}
