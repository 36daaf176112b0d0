using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class ResponsibleUnitConfiguration : IEntityTypeConfiguration<ResponsibleUnit>
{
    public void Configure(EntityTypeBuilder<ResponsibleUnit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.HasIndex(u => u.Name).IsUnique();
        builder.HasOne<Opd>().WithMany().HasForeignKey(u => u.OpdId).OnDelete(DeleteBehavior.Restrict);
    }
}
