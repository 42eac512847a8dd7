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
        b.Property(x => x.PinyinInitials).HasMaxLength(50);
        b.Property(x => x.PinyinFull).HasMaxLength(200);
        foreach (var index in new[] { nameof(Person.IdNumberIndex), nameof(Person.IdTail4Index), nameof(Person.IdTail5Index), nameof(Person.IdTail6Index), nameof(Person.PhoneIndex) })
        {
            b.Property(index).HasMaxLength(24);
            b.HasIndex(index);
        }
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.HouseholdId);
        // The path rides in the pinyin indexes: a large scope's name search walks them in list order,
        // and the scope is checked on the index entries, not on the rows they point to.
        b.HasIndex(x => new { x.PinyinInitials, x.Path });
        b.HasIndex(x => new { x.PinyinFull, x.Path });
        b.HasIndex(x => x.Name);
        b.Property(x => x.Destination).HasMaxLength(Person.MaxDestination);
        // Age bands and age order, and who left in a period, with the path on the entries as for names.
        b.HasIndex(x => new { x.BirthDate, x.Path });
        b.HasIndex(x => new { x.DeregisteredOn, x.Path });
        b.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PopulationTallyConfiguration : IEntityTypeConfiguration<PopulationTally>
{
    public void Configure(EntityTypeBuilder<PopulationTally> b)
    {
        b.ToTable("PopulationTallies");
        b.HasKey(x => x.Path);
    }
}

internal sealed class PopulationTallyChangeConfiguration : IEntityTypeConfiguration<PopulationTallyChange>
{
    public void Configure(EntityTypeBuilder<PopulationTallyChange> b)
    {
        b.ToTable("PopulationTallyChanges");
        b.HasIndex(x => x.Path);
    }
}

internal sealed class PopulationRollupConfiguration : IEntityTypeConfiguration<PopulationRollup>
{
    public void Configure(EntityTypeBuilder<PopulationRollup> b)
    {
        b.ToTable("PopulationRollups");
        b.HasKey(x => x.Path);
    }
}

internal sealed class PopulationRollupChangeConfiguration : IEntityTypeConfiguration<PopulationRollupChange>
{
    public void Configure(EntityTypeBuilder<PopulationRollupChange> b)
    {
        b.ToTable("PopulationRollupChanges");
        b.HasIndex(x => x.Path);
    }
}

internal sealed class TagTallyConfiguration : IEntityTypeConfiguration<TagTally>
{
    public void Configure(EntityTypeBuilder<TagTally> b)
    {
        b.ToTable("TagTallies");
        // A place's rows are read by grain and path prefix, up to today.
        b.HasKey(x => new { x.Grain, x.Path, x.TagId, x.Day });
    }
}

internal sealed class TagTallyChangeConfiguration : IEntityTypeConfiguration<TagTallyChange>
{
    public void Configure(EntityTypeBuilder<TagTallyChange> b)
    {
        b.ToTable("TagTallyChanges");
        b.HasIndex(x => new { x.Grain, x.Path });
    }
}

internal sealed class DuplicateReviewConfiguration : IEntityTypeConfiguration<DuplicateReview>
{
    public void Configure(EntityTypeBuilder<DuplicateReview> b)
    {
        b.ToTable("DuplicateReviews");
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.RelationToHead).HasMaxLength(20);
        b.Property(x => x.RequestedBy).HasMaxLength(100);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.State, x.Path });
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.ExistingPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonAccessConfiguration : IEntityTypeConfiguration<PersonAccess>
{
    public void Configure(EntityTypeBuilder<PersonAccess> b)
    {
        b.ToTable("PersonAccesses");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(100);
        b.HasIndex(x => new { x.PersonId, x.At });
        b.HasIndex(x => new { x.UserName, x.At });
        b.HasIndex(x => x.Path);
    }
}

internal sealed class TagDefinitionConfiguration : IEntityTypeConfiguration<TagDefinition>
{
    public void Configure(EntityTypeBuilder<TagDefinition> b)
    {
        b.ToTable("TagDefinitions");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.Property(x => x.Name).HasMaxLength(40).IsRequired();
        b.Property(x => x.EnglishName).HasMaxLength(60).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class PersonTagConfiguration : IEntityTypeConfiguration<PersonTag>
{
    public void Configure(EntityTypeBuilder<PersonTag> b)
    {
        b.ToTable("PersonTags");
        b.HasIndex(x => new { x.TagId, x.Path });
        b.HasIndex(x => x.PersonId);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TagDefinition>().WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KeyPlaceConfiguration : IEntityTypeConfiguration<KeyPlace>
{
    public void Configure(EntityTypeBuilder<KeyPlace> b)
    {
        b.ToTable("KeyPlaces");
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Address).HasMaxLength(200).IsRequired();
        b.Property(x => x.ContactName).HasMaxLength(50).IsRequired();
        b.Property(x => x.ContactPhone).HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.GridId);
        b.HasIndex(x => x.Path);
    }
}
