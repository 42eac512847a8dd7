using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Kernel.Files;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("StoredFiles");
        b.Property(x => x.StoredName).HasMaxLength(60).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(30).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(50).IsRequired();
        b.Property(x => x.OwnerType).HasMaxLength(30);
        b.Property(x => x.OwnerKey).HasMaxLength(40);
        b.HasIndex(x => x.StoredName).IsUnique();
        b.HasIndex(x => new { x.OwnerType, x.OwnerKey });
    }
}
