using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Modules.Accounts.Domain;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(50);
        b.Property(x => x.CaptureScopeCode).HasMaxLength(20);
        b.Property(x => x.ViewScopeCode).HasMaxLength(20);
        b.Property(x => x.CaptureScopePath).HasMaxLength(256);
        b.Property(x => x.ViewScopePath).HasMaxLength(256);
        b.Property(x => x.DepartmentCode).HasMaxLength(20);
        b.HasIndex(x => x.CaptureScopePath);
    }
}
