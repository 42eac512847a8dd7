using GridGov.Kernel.Security;
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

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.ClientAddress).HasMaxLength(64);
        b.Property(x => x.EndReason).HasMaxLength(40);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => x.UserId);
    }
}

internal sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> b)
    {
        b.ToTable("SignInEvents");
        b.Property(x => x.UserName).HasMaxLength(64).IsRequired();
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.ClientAddress).HasMaxLength(64);
        b.Property(x => x.By).HasMaxLength(64);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.UserName);
    }
}
