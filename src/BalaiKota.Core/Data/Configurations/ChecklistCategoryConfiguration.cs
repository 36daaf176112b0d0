using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class ChecklistCategoryConfiguration : IEntityTypeConfiguration<ChecklistCategory>
{
    public void Configure(EntityTypeBuilder<ChecklistCategory> builder)
    {
        builder.Property(c => c.NameId).HasMaxLength(100);
        builder.Property(c => c.NameEn).HasMaxLength(100);
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
