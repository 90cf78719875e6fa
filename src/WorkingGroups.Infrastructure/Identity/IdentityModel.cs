using Microsoft.EntityFrameworkCore;

namespace WorkingGroups.Infrastructure.Identity;

internal static class IdentityModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AppUser>().Property(u => u.Country).HasMaxLength(2);
        builder.Entity<AppUser>().Property(u => u.Language).HasMaxLength(8);
        builder.Entity<ApiToken>(e =>
        {
            e.ToTable("ApiTokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.UserId).HasMaxLength(450);
            e.Property(t => t.Name).HasMaxLength(100);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
