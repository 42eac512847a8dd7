using GridGov.Kernel.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Data;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> b)
    {
        b.ToTable("ChangeRecords");
        b.Property(x => x.EntityType).HasMaxLength(60);
        b.Property(x => x.EntityId).HasMaxLength(60);
        b.Property(x => x.Action).HasMaxLength(30);
        b.Property(x => x.UserId).HasMaxLength(60);
        b.Property(x => x.UserName).HasMaxLength(100);
        b.Property(x => x.Path).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.At);
    }
}

internal sealed class AuditSealConfiguration : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> b)
    {
        b.ToTable("AuditSeals");
        b.Property(x => x.Trail).HasMaxLength(64).IsRequired();
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.Trail, x.ToId }).IsUnique();
    }
}
