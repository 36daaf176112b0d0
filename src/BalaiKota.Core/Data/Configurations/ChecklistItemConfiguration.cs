using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(50);
        builder.Property(i => i.LabelId).HasMaxLength(300);
        builder.Property(i => i.LabelEn).HasMaxLength(300);
        builder.Property(i => i.Guidance).HasMaxLength(2000);
        builder.Property(i => i.SourceCode).HasMaxLength(100);
        builder.Property(i => i.SourceNote).HasMaxLength(500);
        builder.PrimitiveCollection(i => i.RoomTypes).ElementType().HasConversion<string>();
    }
}
