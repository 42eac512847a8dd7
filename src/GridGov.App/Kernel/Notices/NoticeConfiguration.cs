using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Kernel.Notices;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("Notices");
        b.Property(x => x.Audience).HasMaxLength(Notice.MaxAudience).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(30).IsRequired();
        b.Property(x => x.SubjectType).HasMaxLength(30).IsRequired();
        b.Property(x => x.SubjectKey).HasMaxLength(40).IsRequired();
        b.Property(x => x.SubjectLabel).HasMaxLength(Notice.MaxLabel).IsRequired();
        b.Property(x => x.Link).HasMaxLength(Notice.MaxLink).IsRequired();
        b.HasIndex(x => new { x.Audience, x.At });
        b.HasIndex(x => new { x.SubjectType, x.SubjectKey });
    }
}
