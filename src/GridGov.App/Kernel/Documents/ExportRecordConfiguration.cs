using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Kernel.Documents;

internal sealed class ExportRecordConfiguration : IEntityTypeConfiguration<ExportRecord>
{
    public void Configure(EntityTypeBuilder<ExportRecord> b)
    {
        b.ToTable("ExportRecords");
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(100);
        b.Property(x => x.Subject).HasMaxLength(30);
        b.Property(x => x.Filter).HasMaxLength(500);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.Path);
    }
}
