using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(50);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.Code, t.Version }).IsUnique();
        builder.HasMany(t => t.Categories).WithOne().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Categories).AutoInclude(false);
        builder.Ignore(t => t.Items);
    }
}
