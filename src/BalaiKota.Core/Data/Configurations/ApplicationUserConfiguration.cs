using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.HasOne<ResponsibleUnit>().WithMany().HasForeignKey(u => u.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
